import type { ItemView, OrderView } from '../../../cloudfunctions/src/contracts/mall'
import type { FunctionsHarness } from '../../support/functions'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'

export const ADMIN = 'mall-admin'

export const ADDRESS = {
  name: '王小明',
  phone: '13812345678',
  province: '上海市',
  city: '上海市',
  district: '浦东新区',
  detail: '张江路 100 号 1 栋 101 室',
}

let seq = 0
export const requestId = () => `req-${Date.now().toString(36)}-${(seq++).toString(36)}`

export async function giveItem(h: FunctionsHarness, item: Record<string, unknown>): Promise<ItemView> {
  return h.ok<ItemView>(
    'mall',
    {
      action: 'createItem',
      item: { title: '测试商品', onShelf: true, stock: 10, cost: 50, kind: 'physical', ...item },
      requestId: requestId(),
    },
    ADMIN,
  )
}

export async function fund(h: FunctionsHarness, memberId: string, amount: number): Promise<void> {
  await h.ok('points', { action: 'adjust', member: publicIdOf(memberId), amount, note: '测试充值', requestId: requestId() }, ADMIN)
}

export const redeem = (h: FunctionsHarness, memberId: string, itemId: string, rid = requestId(), address?: unknown) =>
  h.call<OrderView>('mall', { action: 'redeem', itemId, requestId: rid, ...(address === undefined ? {} : { address }) }, memberId)

export const balanceOf = async (h: FunctionsHarness, memberId: string) =>
  (await h.ok<{ balance: number }>('points', { action: 'balance' }, memberId)).balance

/** Live stock: the sum of the item's shards, read straight from the database. */
export const stockOf = async (h: FunctionsHarness, itemId: string) =>
  ((await h.emu.db.find('mall_stock', { itemId })) as { stock: number }[]).reduce((sum, shard) => sum + shard.stock, 0)
