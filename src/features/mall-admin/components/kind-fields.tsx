import { View } from '@tarojs/components'
import Field from '@/shared/ui/field'
import Segmented from '@/shared/ui/segmented'
import type { ItemFormErrors, ItemFormValues, ItemKind, UnlockTarget } from '../item-form-model'

const KINDS = [
  { value: 'code', label: '兑换码' },
  { value: 'unlock', label: '解锁内容' },
  { value: 'physical', label: '实物' },
] as const satisfies readonly { value: ItemKind; label: string }[]
const TARGETS = [
  { value: 'material', label: '资料' },
  { value: 'course', label: '课程' },
] as const satisfies readonly { value: UnlockTarget; label: string }[]

interface KindFieldsProps {
  creating: boolean
  values: ItemFormValues
  errors: ItemFormErrors
  set: (patch: Partial<ItemFormValues>) => void
}

/** The item kind and what it needs (a code pool, or what to unlock); fixed once created, since orders snapshot it. */
export default function KindFields({ creating, values, errors, set }: KindFieldsProps) {
  return (
    <View className='item-form__group'>
      <View className='item-form__row'>
        <View className='item-form__label'>商品类型</View>
        <Segmented id='kind' options={KINDS} value={values.kind} disabled={!creating} onChange={(kind) => set({ kind })} />
      </View>
      {values.kind === 'code' ? (
        <Field
          id='f-pool'
          label='兑换码池'
          value={creating ? '保存后自动建立' : values.codePoolLabel}
          disabled
          error={errors.codePoolId}
          hint={creating ? '创建后在「导入兑换码」中选择本商品导入兑换码' : '在「导入兑换码」中选择本商品补充兑换码'}
          onInput={() => undefined}
        />
      ) : null}
      {creating && values.kind === 'unlock' ? (
        <>
          <View className='item-form__row'>
            <View className='item-form__label'>解锁对象</View>
            <Segmented id='target' options={TARGETS} value={values.unlockTarget} onChange={(unlockTarget) => set({ unlockTarget })} />
          </View>
          <Field
            id='f-target-id'
            label='对象编号'
            required
            value={values.unlockTargetId}
            placeholder='资料或课程的编号'
            error={errors.unlockTargetId}
            onInput={(unlockTargetId) => set({ unlockTargetId })}
          />
        </>
      ) : null}
    </View>
  )
}
