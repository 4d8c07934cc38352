import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import Segmented from '@/shared/ui/segmented'
import { useRouteParam } from '@/shared/route'
import { createItem, getItem, updateItem } from '../../api'
import RoleGate from '@/shared/ui/role-gate'
import DayField from '../../components/day-field'
import ImageUploads from '../../components/image-uploads'
import KindFields from '../../components/kind-fields'
import {
  EMPTY_ITEM_FORM,
  MAX_ITEM_IMAGES,
  newPoolId,
  toCreateInput,
  toPatch,
  validateItemForm,
  valuesFromItem,
  type ItemFormErrors,
  type ItemFormValues,
} from '../../item-form-model'
import './index.scss'
import { useSubmission } from '@/shared/request-id/use-submission'
import { toast, toastSuccess } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'

const SHELF = [
  { value: 'on', label: '上架' },
  { value: 'off', label: '下架' },
] as const

function ItemForm({ itemId }: { itemId: string }) {
  const creating = !itemId
  // A new item has nothing to load: the empty form at once.
  const { load, reload, update } = useLoad<ItemFormValues | null>(
    async () => {
      const res = await getItem(itemId)
      return res.code === 0 ? { code: 0, data: valuesFromItem(res.data) } : res
    },
    itemId,
    creating ? null : undefined,
  )
  useEffect(() => {
    if (creating) void Taro.setNavigationBarTitle({ title: '新建商品' })
  }, [creating])
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(original) => <ItemEditor itemId={itemId} original={original} onSaved={(saved) => update(() => saved)} />}
    </PageState>
  )
}

/** The form itself, filled with the loaded item (`original`) or empty for a new one. */
function ItemEditor(props: { itemId: string; original: ItemFormValues | null; onSaved: (original: ItemFormValues) => void }) {
  const { itemId, original } = props
  const creating = !itemId
  const [values, setValues] = useState<ItemFormValues>(() => original ?? { ...EMPTY_ITEM_FORM, codePoolId: newPoolId() })
  const [errors, setErrors] = useState<ItemFormErrors>({})
  const submission = useSubmission()

  const set = (patch: Partial<ItemFormValues>) => setValues((v) => ({ ...v, ...patch }))

  const save = async () => {
    if (submission.busy) return
    const found = validateItemForm(values, creating)
    setErrors(found)
    const first = Object.values(found)[0]
    if (first) return void toast(first)
    const patch = original ? toPatch(values, original) : null
    if (patch && Object.keys(patch).length === 0) return void toast('没有要修改的内容')
    const res = await submission.run((requestId) => (patch ? updateItem(itemId, patch) : createItem(toCreateInput(values), requestId)))
    if (!res) return
    if (res.code !== 0) return void toast(res.message)
    toastSuccess(creating ? '已创建' : '已保存')
    if (patch) props.onSaved(valuesFromItem(res.data))
    // Let the toast be seen, then go back to the list (which reloads on show).
    setTimeout(() => {
      Promise.resolve()
        .then(() => Taro.navigateBack())
        .catch(() => undefined)
    }, 800)
  }

  return (
    <View className='item-form'>
      <KindFields creating={creating} values={values} errors={errors} set={set} />
      <View className='item-form__group'>
        <Field
          id='f-title'
          label='商品名称'
          required
          value={values.title}
          maxlength={40}
          placeholder='不超过40个字'
          error={errors.title}
          onInput={(title) => set({ title })}
        />
        <Field
          id='f-cost'
          label='所需积分'
          required
          type='number'
          value={values.cost}
          placeholder='如 100'
          error={errors.cost}
          onInput={(cost) => set({ cost })}
        />
        {values.kind === 'code' ? (
          <Field
            id='f-stock'
            label='库存'
            value={original ? values.stock : '0'}
            disabled
            hint='兑换码商品的库存等于码池中的兑换码数量，请到「导入兑换码」添加'
            onInput={() => undefined}
          />
        ) : (
          <Field
            id='f-stock'
            label='库存'
            required
            type='number'
            value={values.stock}
            placeholder='如 50'
            error={errors.stock}
            onInput={(stock) => set({ stock })}
          />
        )}
        <Field
          id='f-limit'
          label='每人限兑'
          type='number'
          value={values.perMemberLimit}
          placeholder='留空表示不限'
          error={errors.perMemberLimit}
          onInput={(perMemberLimit) => set({ perMemberLimit })}
        />
      </View>
      <View className='item-form__group'>
        <DayField
          id='f-start'
          label='开始日期'
          value={values.saleStartDay}
          placeholder='不限（立即开始）'
          onChange={(saleStartDay) => set({ saleStartDay })}
        />
        <DayField
          id='f-end'
          label='结束日期'
          value={values.saleEndDay}
          placeholder='不限（长期有效）'
          error={errors.saleEndDay}
          onChange={(saleEndDay) => set({ saleEndDay })}
        />
        <View className='item-form__row'>
          <View className='item-form__label'>上架状态</View>
          <Segmented id='shelf' options={SHELF} value={values.onShelf ? 'on' : 'off'} onChange={(v) => set({ onShelf: v === 'on' })} />
        </View>
      </View>
      <View className='item-form__group'>
        <ImageUploads
          id='f-images'
          images={values.images}
          max={MAX_ITEM_IMAGES}
          error={errors.images}
          onChange={(images) => set({ images })}
        />
        <Field
          id='f-desc'
          label='商品说明'
          multiline
          maxlength={1000}
          value={values.description}
          placeholder='兑换说明、使用方式等'
          error={errors.description}
          onInput={(description) => set({ description })}
        />
      </View>
      <View className='item-form__actions'>
        <Button id='save-item' type='primary' round block loading={submission.busy} loadingText='保存中' onClick={() => void save()}>
          {creating ? '创建商品' : '保存修改'}
        </Button>
      </View>
    </View>
  )
}

export default function ItemFormPage() {
  const itemId = useRouteParam('itemId')
  return (
    <RoleGate role='admin'>
      <ItemForm itemId={itemId} />
    </RoleGate>
  )
}
