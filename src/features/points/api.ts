import { callAction } from '@/shared/cloud'
import type { Envelope } from '@/shared/cloud/types'
import type { Page } from '@/shared/paging/use-paged-list'
import type { HistoryItem } from '@cloud/contracts/points'

export const HISTORY_PAGE_SIZE = 20

export const getBalance = () => callAction('points', 'balance')

/** Newest first; pass the last item's `seq` as `before` for older entries. */
export async function getHistory(before?: number): Promise<Envelope<Page<HistoryItem, number>>> {
  const res = await callAction(
    'points',
    'history',
    before === undefined ? { limit: HISTORY_PAGE_SIZE } : { before, limit: HISTORY_PAGE_SIZE },
  )
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.nextBefore } } : res
}
