import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@/shared/ui/button'
import { useRouteParam } from '@/shared/route'
import { newRequestId } from '@/shared/request-id'
import type { ItemView, OrderView } from '@cloud/contracts/mall'
import { getItem, getMyBalance, redeem } from '../../api'
import { checkAddress, EMPTY_ADDRESS, toAddressInput, type AddressDraft, type AddressErrors } from '../../address-check'
import { redeemOutcome } from '../../redeem-outcome'
import AddressForm from '../../components/address-form'
import RedeemResult from '../../components/redeem-result'
import './index.scss'
import { confirm as ask, toast } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'
type Result = { ok: true; order: OrderView } | { ok: false; title: string; message: string }

export default function RedeemPage() {
  const itemId = useRouteParam('itemId')
  // One id per confirm screen: a double tap, or a retry after a lost answer, lands on the same order.
  const requestId = useRef(newRequestId())
  const submitting = useRef(false)
  const [balance, setBalance] = useState<number | null>(null)
  const [address, setAddress] = useState<AddressDraft>(EMPTY_ADDRESS)
  const [errors, setErrors] = useState<AddressErrors>({})
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Result | null>(null)

  const { load, reload } = useLoad(async () => {
    const [item, points] = await Promise.all([getItem(itemId), getMyBalance()])
    setBalance(points.code === 0 ? points.data.balance : null)
    return item
  }, itemId)

  const confirm = async (item: ItemView) => {
    if (submitting.current) return
    if (item.requiresAddress) {
      const found = checkAddress(address)
      setErrors(found)
      const first = Object.values(found)[0]
      if (first) {
        toast(first)
        return
      }
    }
    submitting.current = true
    try {
      const confirmed = await ask({
        title: '确认兑换',
        content: `确认使用 ${item.cost} 积分兑换「${item.title}」？`,
        confirmText: '确认兑换',
        cancelText: '再想想',
      })
      if (!confirmed) return
      setBusy(true)
      const res = await redeem(item.id, requestId.current, item.requiresAddress ? toAddressInput(address) : undefined)
      const outcome = redeemOutcome(res)
      if (outcome.kind === 'done') {
        setResult({ ok: true, order: outcome.order })
        void Taro.setNavigationBarTitle({ title: '兑换结果' })
      } else if (outcome.kind === 'refused') {
        setResult({ ok: false, title: `「${item.title}」`, message: outcome.message })
        void Taro.setNavigationBarTitle({ title: '兑换结果' })
      } else {
        if (outcome.kind === 'fix') setErrors(outcome.errors)
        toast(outcome.message)
      }
    } finally {
      submitting.current = false
      setBusy(false)
    }
  }

  if (result) return <RedeemResult {...result} />
  const ready = (item: ItemView) => {
    const short = balance !== null && balance < item.cost
    return (
      <View className='redeem'>
        <View className='redeem__summary'>
          <View className='redeem__title'>{item.title}</View>
          <View className='redeem__kind'>{item.kindLabel}</View>
          <View className='redeem__line'>
            <View>所需积分</View>
            <View id='redeem-cost' className='redeem__cost'>
              {item.cost}
            </View>
          </View>
          <View className='redeem__line'>
            <View>当前积分</View>
            <View id='redeem-balance'>{balance ?? '--'}</View>
          </View>
          {short ? <View className='redeem__warn'>积分不足，还差 {item.cost - (balance ?? 0)} 积分</View> : null}
        </View>
        {item.requiresAddress ? <AddressForm value={address} errors={errors} onChange={setAddress} /> : null}
        <View className='redeem__bar'>
          <Button
            id='confirm-redeem'
            type='danger'
            round
            block
            disabled={short}
            loading={busy}
            loadingText='兑换中'
            onClick={() => void confirm(item)}
          >
            {short ? '积分不足' : `确认兑换（${item.cost} 积分）`}
          </Button>
        </View>
      </View>
    )
  }
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {ready}
    </PageState>
  )
}
