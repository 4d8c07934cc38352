import type { ItemView } from '@cloud/contracts/mall'
import { formatDateTime } from '@/shared/time'

export function limitText(item: Pick<ItemView, 'perMemberLimit'>): string {
  return item.perMemberLimit === null ? '不限' : `每人限兑 ${item.perMemberLimit} 件`
}

/** The sale window in Beijing time; the end is exclusive, so it reads "截止". */
export function windowText(item: Pick<ItemView, 'saleStart' | 'saleEnd'>): string {
  const { saleStart, saleEnd } = item
  if (saleStart === null && saleEnd === null) return '长期有效'
  if (saleStart === null) return `${formatDateTime(saleEnd as number)} 截止`
  if (saleEnd === null) return `${formatDateTime(saleStart)} 开始`
  return `${formatDateTime(saleStart)} 至 ${formatDateTime(saleEnd)}`
}

/** The bottom button's label when an item cannot be redeemed now. */
export function unavailableText(item: Pick<ItemView, 'saleState' | 'saleStateLabel'>): string {
  return item.saleState === 'on_sale' ? '立即兑换' : item.saleStateLabel
}
