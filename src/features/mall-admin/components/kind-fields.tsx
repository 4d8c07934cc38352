import { Picker, View } from '@tarojs/components'
import Field from '@/shared/ui/field'
import Segmented from '@/shared/ui/segmented'
import PageState, { Loading, useLoad } from '@/shared/ui/page-state'
import { materialChoices } from '../api'
import type { ItemFormErrors, ItemFormValues, ItemKind } from '../item-form-model'

const KINDS = [
  { value: 'code', label: '兑换码' },
  { value: 'unlock', label: '解锁内容' },
  { value: 'physical', label: '实物' },
] as const satisfies readonly { value: ItemKind; label: string }[]

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
        <MaterialPicker
          value={values.unlockTargetId}
          error={errors.unlockTargetId}
          onPick={(id) => set({ unlockTarget: 'material', unlockTargetId: id })}
        />
      ) : null}
    </View>
  )
}

/**
 * The material an unlock item opens, picked by title from the company's materials (redeeming it unlocks that
 * material for the member; materials are the only content an order unlocks, see services/mall/unlocks.ts).
 */
function MaterialPicker({ value, error, onPick }: { value: string; error?: string; onPick: (materialId: string) => void }) {
  const { load, reload } = useLoad(materialChoices, 'materials')
  return (
    <PageState
      load={load}
      onRetry={() => void reload()}
      loading={<Loading what='资料' inline />}
      empty='还没有资料，请先在「资料管理」中上传'
    >
      {(materials) => {
        const at = materials.findIndex((m) => m.id === value)
        return (
          <Picker
            id='f-target'
            mode='selector'
            range={materials.map((m) => m.title)}
            value={Math.max(0, at)}
            onChange={(e) => onPick(materials[Number(e.detail.value)].id)}
          >
            <View className='item-form__row'>
              <View className='item-form__label'>解锁资料</View>
              <View className={error ? 'item-form__error' : ''}>{at >= 0 ? materials[at].title : error || '请选择要解锁的资料'} ›</View>
            </View>
          </Picker>
        )
      }}
    </PageState>
  )
}
