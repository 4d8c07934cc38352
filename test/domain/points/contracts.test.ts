import { decodeHistoryCursor, encodeHistoryCursor, PointsRequest, toBalanceView, toHistoryPage } from '@cloud/contracts/points'
import { planEntry, type LedgerEntry } from '@cloud/domain/points'
import { publicIdOf } from '@cloud/domain/identity/public-id'

const adjust = { action: 'adjust', member: publicIdOf('oMember1'), amount: 50, note: '活动补发', requestId: 'req-12345678' }

describe('points contracts', () => {
  it('should accept a well-formed adjustment', () => {
    expect(PointsRequest.parse(adjust)).toEqual(adjust)
  })

  it.each([1.5, 0, Number.NaN, 1_000_001, '50'])('should reject the amount %p', (amount) => {
    expect(PointsRequest.safeParse({ ...adjust, amount }).success).toBe(false)
  })

  it('should reject unknown fields, a missing note, an openid instead of a handle and a handle with a colon', () => {
    expect(PointsRequest.safeParse({ ...adjust, extra: 1 }).success).toBe(false)
    expect(PointsRequest.safeParse({ ...adjust, note: undefined }).success).toBe(false)
    expect(PointsRequest.safeParse({ ...adjust, member: 'oMember1' }).success).toBe(false)
    expect(PointsRequest.safeParse({ ...adjust, member: 'uAAAAAAAAAAAAAAA:' }).success).toBe(false)
  })

  it('should default the page size of a history request and bound it', () => {
    expect(PointsRequest.parse({ action: 'history' })).toEqual({ action: 'history', limit: 20 })
    expect(PointsRequest.safeParse({ action: 'history', limit: 51 }).success).toBe(false)
  })

  it('should render history with Chinese reason labels and a cursor for the next page', () => {
    const entries: LedgerEntry[] = []
    let balance
    for (const [i, reason] of (['checkin', 'streak_bonus', 'featured'] as const).entries()) {
      const plan = planEntry(balance, { _id: `featured:h${i}`, memberId: 'm', amount: 5, reason }, i)
      if (!plan.ok || plan.replayed) throw new Error('setup')
      entries.unshift(plan.entry)
      balance = plan.balance
    }
    const page = toHistoryPage(entries.slice(0, 2), encodeHistoryCursor(entries[1].at, 1))
    expect(page.items.map((i) => [i.reasonLabel, i.balanceAfter])).toEqual([
      ['精选奖励', 15],
      ['连续打卡奖励', 10],
    ])
    expect(decodeHistoryCursor(page.nextBefore as number)).toEqual({ at: entries[1].at, shown: 1 })
    expect(toHistoryPage(entries.slice(2), null).nextBefore).toBeNull()
  })

  it('should leave out balanceAfter for an award applied without reading the balance', () => {
    const credit: LedgerEntry = { _id: 'checkin:p:2026-11-02:m', memberId: 'm', amount: 10, reason: 'checkin', at: 5 }
    expect(toHistoryPage([credit], null).items[0]).toEqual({
      id: credit._id,
      amount: 10,
      reason: 'checkin',
      reasonLabel: '打卡奖励',
      at: 5,
    })
  })

  it('should keep a history cursor an exact integer for any date before 2200', () => {
    const at = Date.parse('2199-12-31T23:59:59.999Z')
    expect(Number.isSafeInteger(encodeHistoryCursor(at, 999))).toBe(true)
    expect(decodeHistoryCursor(encodeHistoryCursor(at, 7))).toEqual({ at, shown: 7 })
    expect(PointsRequest.safeParse({ action: 'history', before: encodeHistoryCursor(at, 7), limit: 20 }).success).toBe(true)
  })

  it('should show a zero balance for a member without a balance doc', () => {
    expect(toBalanceView(undefined, null)).toEqual({ balance: 0, earned: 0, spent: 0, expiring: null })
  })
})
