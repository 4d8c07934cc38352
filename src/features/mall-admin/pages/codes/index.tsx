import { useState } from 'react'
import { View } from '@tarojs/components'
import type { ItemView } from '@cloud/contracts/mall'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import LoadMore from '@/shared/ui/load-more'
import { usePagedList } from '@/shared/paging/use-paged-list'
import { addCodes, listAllItems } from '../../api'
import RoleGate from '@/shared/ui/role-gate'
import { MAX_CODES_PER_IMPORT, parseCodes } from '../../codes-input'
import './index.scss'
import { toast } from '@/shared/ui/feedback'
import PageState, { Loading } from '@/shared/ui/page-state'

/** The code items to import for: the operator taps one; its pool is named by its label, never typed. */
function CodeItems({ chosen, onChoose }: { chosen: ItemView | null; onChoose: (item: ItemView) => void }) {
  const list = usePagedList((cursor?: string) => listAllItems(cursor), [])
  return (
    <PageState load={list.load} onRetry={() => void list.reload()} loading={<Loading what='商品' inline />}>
      {(items) => {
        const codeItems = items.filter((i) => i.codePool)
        return (
          <View className='codes__items'>
            <View className='codes__label'>选择兑换码商品</View>
            {codeItems.length === 0 ? <View className='codes__summary'>还没有兑换码商品，请先在「新建商品」中创建</View> : null}
            {codeItems.map((item) => (
              <View
                role='button'
                key={item.id}
                id={`pool-item-${item.id}`}
                className={`codes__item${chosen?.id === item.id ? ' codes__item--chosen' : ''}`}
                onClick={() => onChoose(item)}
              >
                <View className='codes__item-title'>{item.title}</View>
                <View className='codes__item-meta'>库存 {item.stock}</View>
              </View>
            ))}
            <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
          </View>
        )
      }}
    </PageState>
  )
}

function CodesForm() {
  const [chosen, setChosen] = useState<ItemView | null>(null)
  const [text, setText] = useState('')
  const [saving, setSaving] = useState(false)
  const [poolError, setPoolError] = useState('')
  const parsed = parseCodes(text)
  const poolId = chosen?.codePool?.id ?? ''

  const submit = async () => {
    if (saving) return
    if (!poolId) {
      setPoolError('请先选择要导入兑换码的商品')
      return void toast('请先选择要导入兑换码的商品')
    }
    setPoolError('')
    if (parsed.invalid.length) return void toast(`有 ${parsed.invalid.length} 行格式不正确，请修改后再导入`)
    if (parsed.codes.length === 0) return void toast('请粘贴兑换码，每行一个')
    if (parsed.codes.length > MAX_CODES_PER_IMPORT) {
      return void toast(`一次最多导入 ${MAX_CODES_PER_IMPORT} 个兑换码`)
    }
    setSaving(true)
    const res = await addCodes(poolId, parsed.codes)
    setSaving(false)
    if (res.code !== 0) return void toast(res.message)
    const { added, duplicates, stock } = res.data
    const repeated = duplicates.length ? `，${duplicates.length} 个重复未导入（如 ${duplicates[0]}）` : ''
    toast(added === 0 && duplicates.length ? `没有导入新码${repeated}` : `已导入 ${added} 个${repeated}，当前库存 ${stock}`)
    setText('')
  }

  return (
    <View className='codes'>
      <CodeItems chosen={chosen} onChoose={setChosen} />
      <View id='pool-label' className={`codes__pool${poolError ? ' codes__pool--error' : ''}`}>
        {chosen?.codePool ? `导入到：${chosen.codePool.label}` : poolError || '导入到：请先在上方选择商品'}
      </View>
      <Field
        id='codes-text'
        label='兑换码'
        required
        multiline
        maxlength={-1}
        value={text}
        placeholder='每行一个兑换码（4-64 位字母、数字或 -）'
        onInput={setText}
      />
      <View id='codes-summary' className='codes__summary'>
        共 {parsed.codes.length} 个有效兑换码
        {parsed.repeated ? `，${parsed.repeated} 个重复已去除` : ''}
        {parsed.invalid.length ? `，${parsed.invalid.length} 行格式不正确：${parsed.invalid.slice(0, 3).join('、')}` : ''}
      </View>
      <View className='codes__actions'>
        <Button id='import-codes' type='primary' round block loading={saving} loadingText='导入中' onClick={() => void submit()}>
          导入
        </Button>
      </View>
    </View>
  )
}

export default function CodesPage() {
  return (
    <RoleGate role='admin'>
      <CodesForm />
    </RoleGate>
  )
}
