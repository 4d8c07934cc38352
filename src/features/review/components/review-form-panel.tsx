import type { ReactNode } from 'react'
import { Image, Textarea, View } from '@tarojs/components'
import { fileSrc } from '@/shared/cloud'
import type { ScoreView } from '@cloud/contracts/review-views'
import type { VoiceState } from '../hooks/use-voice-comment'
import { charCount, MAX_COMMENT, MAX_REASON, MAX_VOICE_SEC, withPhrase, type ReviewForm } from '../review-form'
import ScorePicker from './score-picker'
import VoicePlayer from '@/shared/ui/voice/player'
import VoiceRecorder from '@/shared/ui/voice/recorder'
import type { RecordedClip } from '@/shared/ui/voice/recorder.types'
import './review-form-panel.scss'
import { navigateTo } from '@/shared/route'
import { toast } from '@/shared/ui/feedback'

interface ReviewFormPanelProps {
  form: ReviewForm
  onChange: (patch: Partial<ReviewForm>) => void
  phrases: string[]
  scoreOptions: ScoreView[]
  voice: VoiceState
  onRecorded: (clip: RecordedClip) => void
  onRemoveVoice: () => void
  /** null = 精选 is allowed; otherwise why not. */
  featureBlocked: string | null
  /** Show the redo reason input (returning, or editing a returned review). */
  showReason: boolean
  /** Under the comment editor: where the comment starts from (the AI draft note). */
  commentNote?: ReactNode
}

/** Comment with quick phrases, voice comment, score, 精选 and (when returning) the reason. */
export default function ReviewFormPanel(props: ReviewFormPanelProps) {
  const { form, onChange, phrases, scoreOptions, voice, featureBlocked, showReason } = props
  const insert = (phrase: string) => {
    const comment = withPhrase(form.comment, phrase)
    if (comment === null) return void toast(`评语不能超过 ${MAX_COMMENT} 字`)
    onChange({ comment })
  }
  return (
    <View className='rv-form'>
      {showReason ? (
        <View className='rv-form__block'>
          <View className='rv-form__label'>
            退回原因（学员可以看到）
            <View id='redo-reason-count' className={`rv-form__count${charCount(form.reason) > MAX_REASON ? ' rv-form__count--over' : ''}`}>
              {`${charCount(form.reason)}/${MAX_REASON}`}
            </View>
          </View>
          <Textarea
            id='redo-reason'
            className='rv-form__reason'
            value={form.reason}
            maxlength={-1}
            placeholder='例如：照片看不清，请重新拍一张'
            onInput={(e) => onChange({ reason: e.detail.value })}
          />
        </View>
      ) : null}
      <View className='rv-form__block'>
        <View className='rv-form__label'>
          评语
          <View
            id='review-comment-count'
            className={`rv-form__count${charCount(form.comment) > MAX_COMMENT ? ' rv-form__count--over' : ''}`}
          >
            {`${charCount(form.comment)}/${MAX_COMMENT}`}
          </View>
        </View>
        <Textarea
          id='review-comment-input'
          className='rv-form__comment'
          value={form.comment}
          maxlength={-1}
          placeholder='写下你的点评，或点下方常用语'
          onInput={(e) => onChange({ comment: e.detail.value })}
        />
        {props.commentNote}
        <View className='rv-form__phrases'>
          {phrases.map((p, i) => (
            <View role='button' key={p} id={`phrase-${i}`} className='rv-form__phrase' onClick={() => insert(p)}>
              {p}
            </View>
          ))}
          <View
            role='button'
            id='manage-phrases'
            className='rv-form__phrase rv-form__phrase--manage'
            onClick={() => void navigateTo('review/phrases')}
          >
            {phrases.length ? '管理常用语' : '+ 添加常用语'}
          </View>
        </View>
        {form.annotatedImages.length ? (
          <View id='annotated-images' className='rv-form__annotated'>
            {form.annotatedImages.map((fileId, i) => (
              <View key={fileId} className='rv-form__annotated-item'>
                <Image id={`annotated-image-${i}`} className='rv-form__annotated-image' src={fileSrc(fileId)} mode='aspectFill' />
                <View
                  role='button'
                  id={`annotated-remove-${i}`}
                  className='rv-form__annotated-remove'
                  onClick={() => onChange({ annotatedImages: form.annotatedImages.filter((f) => f !== fileId) })}
                >
                  删除
                </View>
              </View>
            ))}
          </View>
        ) : null}
      </View>
      <View className='rv-form__block'>
        <View className='rv-form__label'>语音点评</View>
        {voice.status === 'none' ? (
          <VoiceRecorder id='voice-comment' subject='语音点评' maxSec={MAX_VOICE_SEC} onRecorded={props.onRecorded} />
        ) : (
          <View className='rv-form__voice'>
            <VoicePlayer
              id='voice-comment'
              src={voice.preview}
              durationSec={voice.status === 'ready' ? voice.voice.durationSec : voice.durationSec}
            />
            <View className='rv-form__voice-state'>{voice.status === 'uploading' ? '上传中…' : '已上传'}</View>
            <View role='button' id='voice-comment-remove' className='rv-form__remove' onClick={props.onRemoveVoice}>
              删除
            </View>
          </View>
        )}
      </View>
      <View className='rv-form__block'>
        <View className='rv-form__label'>评分</View>
        <ScorePicker options={scoreOptions} value={form.score} onChange={(score) => onChange({ score })} />
      </View>
      <View className='rv-form__block rv-form__row'>
        <View>
          <View className='rv-form__label'>设为精选</View>
          <View className='rv-form__hint'>{featureBlocked ?? '精选会展示在本期动态，学员获得精选积分'}</View>
        </View>
        <View
          role='button'
          id='featured-toggle'
          className={`rv-form__switch${form.featured ? ' rv-form__switch--on' : ''}${featureBlocked ? ' rv-form__switch--off' : ''}`}
          onClick={() => (featureBlocked ? undefined : onChange({ featured: !form.featured }))}
        >
          {form.featured ? '精选 ✓' : '精选'}
        </View>
      </View>
    </View>
  )
}
