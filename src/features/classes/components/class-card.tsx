import { Image, View } from '@tarojs/components'
import type { ClassView } from '@cloud/contracts/class-views'
import { fileSrc } from '@/shared/cloud'
import ClassTags from './class-tags'
import '../classes.scss'

export default function ClassCard({ cls, onClick }: { cls: ClassView; onClick: () => void }) {
  return (
    <View role='button' id={`class-${cls.id}`} className='classes-card' onClick={onClick}>
      {cls.coverFileId ? <Image className='classes-card__cover' src={fileSrc(cls.coverFileId)} mode='aspectFill' /> : null}
      <View className='classes-card__body'>
        <View className='classes-card__title'>{cls.title}</View>
        <ClassTags cls={cls} />
        <View className='classes-card__meta'>
          主讲 {cls.teacherName}
          {cls.signupPoints > 0 ? ` · 报名送 ${cls.signupPoints} 积分` : ''}
        </View>
      </View>
    </View>
  )
}
