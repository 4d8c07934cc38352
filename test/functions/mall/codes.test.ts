/** Redemption-code imports: a code is unique per item for its whole life, whether still in stock or already issued. */
import type { OrderView } from '../../../cloudfunctions/src/contracts/mall'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, fund, giveItem, redeem, stockOf } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())

type Added = { added: number; duplicates: string[]; stock: number }
const addCodes = (poolId: string, codes: string[]) => h.call<Added>('mall', { action: 'addCodes', poolId, codes }, ADMIN)

async function issuedCode(member: string, itemId: string): Promise<string> {
  await h.member(member)
  await fund(h, member, 100)
  const order = await redeem(h, member, itemId)
  if (order.code !== 0) throw new Error(JSON.stringify(order))
  const revealed = await h.ok<OrderView>('mall', { action: 'revealCode', orderId: order.data.id }, member)
  return revealed.code as string
}

describe('redemption code imports', () => {
  it('should report an issued code as a duplicate on re-import and never stock it again', async () => {
    const item = await giveItem(h, { kind: 'code', codePoolId: 'diag', cost: 20, stock: 0 })
    expect(await addCodes('diag', ['DIAG-2026-0001'])).toEqual({ code: 0, data: { added: 1, duplicates: [], stock: 1 } })
    expect(await issuedCode('first-holder', item.id)).toBe('DIAG-2026-0001')
    expect(await stockOf(h, item.id)).toBe(0)

    const again = await addCodes('diag', ['DIAG-2026-0001', 'DIAG-2026-0002'])
    expect(again).toEqual({ code: 0, data: { added: 1, duplicates: ['DIAG-2026-0001'], stock: 1 } })
    // The one code left in stock is the new one: a second member can never receive the issued code.
    expect(await issuedCode('second-holder', item.id)).toBe('DIAG-2026-0002')
    expect(await addCodes('diag', ['DIAG-2026-0001', 'DIAG-2026-0002'])).toEqual({
      code: 0,
      data: { added: 0, duplicates: ['DIAG-2026-0001', 'DIAG-2026-0002'], stock: 0 },
    })
    expect(await stockOf(h, item.id)).toBe(0)
  })

  it('should report a code still in stock as a duplicate', async () => {
    const item = await giveItem(h, { kind: 'code', codePoolId: 'vip', cost: 20, stock: 0 })
    await addCodes('vip', ['VIP-0001', 'VIP-0002'])
    expect(await addCodes('vip', ['VIP-0002', 'VIP-0003'])).toEqual({ code: 0, data: { added: 1, duplicates: ['VIP-0002'], stock: 3 } })
    expect(await stockOf(h, item.id)).toBe(3)
  })

  it('should stock a code once when the same import runs five times at once', async () => {
    const item = await giveItem(h, { kind: 'code', codePoolId: 'race', cost: 20, stock: 0 })
    const codes = Array.from({ length: 20 }, (_, i) => `RACE-${String(i).padStart(4, '0')}`)
    const answers = await Promise.all(Array.from({ length: 5 }, () => addCodes('race', codes)))
    expect(answers.every((a) => a.code === 0)).toBe(true)
    expect(answers.reduce((n, a) => n + (a.code === 0 ? a.data.added : 0), 0)).toBe(20)
    expect(await stockOf(h, item.id)).toBe(20)
    const pooled = ((await h.emu.db.find('mall_stock', { itemId: item.id })) as { codes: string[] }[]).flatMap((s) => s.codes)
    expect(pooled.sort()).toEqual(codes)
  })
})
