import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { DailyTask } from '@cloud/domain/camp'
import { fileSrc } from '@/shared/cloud'
import VoicePlayer from '@/shared/ui/voice/player'
import './task-card.scss'

/** Today's task: theme, instructions and the teacher's example (images open in the viewer; a voice example plays). */
export default function TaskCard({ dayLabel, task }: { dayLabel: string; task: DailyTask | null }) {
  const images = (task?.exampleMedia ?? []).filter((m) => m.kind === 'image').map((m) => fileSrc(m.fileId))
  const voices = (task?.exampleMedia ?? []).filter((m) => m.kind === 'voice')
  return (
    <View id='task-card' className='task-card'>
      <View className='task-card__day'>{dayLabel}</View>
      <View id='task-theme' className='task-card__theme'>
        {task ? task.theme : '今日任务'}
      </View>
      <View className='task-card__text'>{task?.instructions || '按老师在群里的要求完成今天的练习，然后在这里打卡。'}</View>
      {images.length ? (
        <View className='task-card__examples'>
          {images.map((src) => (
            <Image
              aria-label='查看示例图'
              key={src}
              className='task-card__example'
              src={src}
              mode='aspectFill'
              onClick={() => void Taro.previewImage({ current: src, urls: images }).catch(() => undefined)}
            />
          ))}
        </View>
      ) : null}
      {voices.map((v) => (
        <View key={v.fileId} className='task-card__voice'>
          <View className='task-card__voice-label'>示范音频</View>
          <VoicePlayer src={fileSrc(v.fileId)} />
        </View>
      ))}
    </View>
  )
}
