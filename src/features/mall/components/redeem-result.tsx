import { View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import type { OrderView } from '@cloud/contracts/mall'
import './redeem-result.scss'
import { redirectTo } from '@/shared/route'

const NEXT_STEP: Record<OrderView['kind'], string> = {
  code: '兑换码可在「我的兑换」中查看',
  unlock: '内容已为你解锁，现在就可以查看',
  physical: '我们会尽快为你寄出，发货后可在「我的兑换」查看物流单号',
}

type RedeemResultProps = { ok: true; order: OrderView } | { ok: false; title: string; message: string }

/** The end of the redeem flow: success with what happens next, or the reason it did not go through. */
export default function RedeemResult(props: RedeemResultProps) {
  const toOrders = () => void redirectTo('mall/orders')
  const toMall = () => void redirectTo('mall/index')
  return (
    <View id='redeem-result' className={`redeem-result redeem-result--${props.ok ? 'ok' : 'fail'}`}>
      <View className='redeem-result__icon'>{props.ok ? '✓' : '!'}</View>
      <View className='redeem-result__title'>{props.ok ? '兑换成功' : '兑换未成功'}</View>
      {props.ok ? (
        <View className='redeem-result__text'>
          <View>
            已使用 {props.order.cost} 积分兑换「{props.order.title}」
          </View>
          <View>{NEXT_STEP[props.order.kind]}</View>
        </View>
      ) : (
        <View className='redeem-result__text'>
          <View>{props.title}</View>
          <View id='redeem-reason'>{props.message}</View>
        </View>
      )}
      <View className='redeem-result__actions'>
        {props.ok ? (
          <Button id='to-orders' type='primary' round block onClick={toOrders}>
            查看我的兑换
          </Button>
        ) : null}
        <Button id='to-mall' round block onClick={toMall}>
          {props.ok ? '继续逛逛' : '返回商城'}
        </Button>
      </View>
    </View>
  )
}
