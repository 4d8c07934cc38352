import type { MaterialDetail } from '@cloud/contracts/materials'
import { getMyBalance } from './api'
import { confirm } from '@/shared/ui/feedback'

/**
 * A points unlock spends only after the member says yes; the question shows the balance when it can be read.
 * Other rules cost nothing and need no question.
 */
export async function confirmUnlock(material: MaterialDetail): Promise<boolean> {
  const { rule } = material
  if (rule.kind !== 'points') return true
  const balance = await getMyBalance()
  const mine = balance.code === 0 ? `（当前 ${balance.data.balance} 积分）` : ''
  const confirmed = await confirm({
    title: '确认解锁',
    content: `确认使用 ${rule.cost} 积分解锁「${material.title}」？${mine}`,
    confirmText: '确认解锁',
    cancelText: '再想想',
  })
  return confirmed
}
