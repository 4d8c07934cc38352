import { View } from '@tarojs/components'
import type { Grade } from '@cloud/domain/identity'
import { GRADE_CHOICES } from '@/shared/options/grade-subject'

/** Multi-select grade tags. */
export default function GradeChips({ value, onChange }: { value: Grade[]; onChange: (grades: Grade[]) => void }) {
  const toggle = (g: Grade) => onChange(value.includes(g) ? value.filter((x) => x !== g) : [...value, g])
  return (
    <View className='classes-admin__chips'>
      {GRADE_CHOICES.map((g) => (
        <View
          role='button'
          key={g.value}
          id={`grade-${g.value}`}
          className={`classes-admin__chip${value.includes(g.value) ? ' classes-admin__chip--on' : ''}`}
          onClick={() => toggle(g.value)}
        >
          {g.label}
        </View>
      ))}
    </View>
  )
}
