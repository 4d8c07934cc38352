import { View } from '@tarojs/components'
import type { ClassView } from '@cloud/contracts/class-views'

/** The subject and grade tags of a class. */
export default function ClassTags({ cls }: { cls: Pick<ClassView, 'subjectLabel' | 'gradeLabels'> }) {
  return (
    <View className='classes-tags'>
      {[cls.subjectLabel, ...cls.gradeLabels].map((t) => (
        <View key={t} className='classes-tag'>
          {t}
        </View>
      ))}
    </View>
  )
}
