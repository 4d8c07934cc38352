import { View } from '@tarojs/components'
import type { AuditItem } from '@cloud/contracts/points'
import { formatDateTime } from '@/shared/time'

const signed = (n: number) => (n > 0 ? `+${n}` : `\u2212${Math.abs(n)}`)

/** One ledger entry for staff: reason, member name, note, time, balance and what it refers to, in words. */
export default function AuditRow({ item, onTap }: { item: AuditItem; onTap?: () => void }) {
  return (
    <View role='button' id={`audit-${item.id}`} className={`audit__row${onTap ? ' audit__row--tappable' : ''}`} onClick={onTap}>
      <View className='audit__main'>
        <View className='audit__reason'>
          {item.reasonLabel}
          <View className='audit__member'>{item.member.nickname}</View>
          {item.reversed ? <View className='audit__tag'>已冲正</View> : null}
        </View>
        {item.note ? <View className='audit__note'>{item.note}</View> : null}
        <View className='audit__time'>
          {formatDateTime(item.at)}
          {item.balanceAfter !== undefined ? ` · 余额 ${item.balanceAfter}` : ''}
          {item.refLabel ? ` · ${item.refLabel}` : ''}
        </View>
      </View>
      <View className={`audit__amount audit__amount--${item.amount > 0 ? 'credit' : 'debit'}`}>{signed(item.amount)}</View>
    </View>
  )
}
