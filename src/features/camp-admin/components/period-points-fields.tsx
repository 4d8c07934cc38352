import { View } from '@tarojs/components'
import Field from '@/shared/ui/field'
import Segmented from '@/shared/ui/segmented'
import type { PeriodFormErrors, PeriodFormValues } from '../period-form-model'
import { FormRow } from './form-row'

interface Props {
  values: PeriodFormValues
  errors: PeriodFormErrors
  set: (patch: Partial<PeriodFormValues>) => void
}

const KEEPS = [
  { value: 'yes', label: '计入连续' },
  { value: 'no', label: '不计入' },
] as const

/** Points rules and the make-up policy of a period. */
export default function PeriodPointsFields({ values: v, errors: e, set }: Props) {
  return (
    <>
      <View className='admin-form__title'>积分规则</View>
      <Field
        id='p-per'
        label='每次打卡'
        type='number'
        value={v.perCheckin}
        error={e.perCheckin}
        onInput={(perCheckin) => set({ perCheckin })}
      />
      <Field
        id='p-multiplier'
        label='群内打卡倍数'
        type='digit'
        value={v.groupMultiplier}
        error={e.groupMultiplier}
        hint='从打卡群进入并打卡时的积分倍数（分享本身不奖励）'
        onInput={(groupMultiplier) => set({ groupMultiplier })}
      />
      <Field
        id='p-milestones'
        label='连续奖励'
        value={v.milestones}
        placeholder='如 7:30, 14:60'
        error={e.milestones}
        hint='连续打卡天数:奖励积分，逗号分隔'
        onInput={(milestones) => set({ milestones })}
      />
      <Field
        id='p-min'
        label='结营要求（天）'
        type='number'
        value={v.minCheckins}
        error={e.minCheckins}
        onInput={(minCheckins) => set({ minCheckins })}
      />
      <Field
        id='p-bonus'
        label='结营奖励'
        type='number'
        value={v.completionBonus}
        error={e.completionBonus}
        onInput={(completionBonus) => set({ completionBonus })}
      />
      <View className='admin-form__title'>补卡规则</View>
      <Field
        id='m-max'
        label='可补卡次数'
        type='number'
        value={v.makeupMax}
        error={e.makeupMax}
        hint='0 表示不允许补卡'
        onInput={(makeupMax) => set({ makeupMax })}
      />
      <Field
        id='m-within'
        label='可补几天内'
        type='number'
        value={v.makeupWithin}
        error={e.makeupWithin}
        hint='1 表示只能补昨天'
        onInput={(makeupWithin) => set({ makeupWithin })}
      />
      <Field
        id='m-cost'
        label='每次消耗积分'
        type='number'
        value={v.makeupCost}
        error={e.makeupCost}
        onInput={(makeupCost) => set({ makeupCost })}
      />
      <FormRow label='补卡后连续'>
        <Segmented
          id='m-keeps'
          options={KEEPS}
          value={v.makeupKeepsStreak ? 'yes' : 'no'}
          onChange={(k) => set({ makeupKeepsStreak: k === 'yes' })}
        />
      </FormRow>
    </>
  )
}
