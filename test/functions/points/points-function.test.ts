import type { AuditItem, BalanceView, HistoryPage } from '../../../cloudfunctions/src/contracts/points'
import type { ReconcileView } from '../../../cloudfunctions/src/contracts/results'
import { entryKeyOf } from '../../../cloudfunctions/src/domain/points'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { runTimerJob } from '../../../local/dev/timer-jobs'

let h: FunctionsHarness
const ADMIN = 'admin-1'
const ALICE = 'member-alice'
const BOB = 'member-bob'

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'], { nickname: '运营小王' })
  await h.member(ALICE, [], { nickname: '爱丽丝' })
  await h.member(BOB, [], { nickname: '小波' })
})
afterAll(() => h.close())

const adjust = (memberId: string, amount: number, requestId: string, openid = ADMIN) =>
  h.call('points', { action: 'adjust', member: publicIdOf(memberId), amount, note: '测试调整', requestId }, openid)
const balance = (openid: string) => h.ok<BalanceView>('points', { action: 'balance' }, openid)
const entriesOf = (memberId: string) => h.emu.db.find('points_entries', { memberId })

describe('points function', () => {
  it('should show a zero balance to a member who never had points', async () => {
    expect(await balance(BOB)).toEqual({ balance: 0, earned: 0, spent: 0, expiring: null })
  })

  it('should let an admin adjust a balance and record the adjustment once per request id', async () => {
    const first = await adjust(ALICE, 100, 'req-alice-0001')
    const retry = await adjust(ALICE, 100, 'req-alice-0001')
    expect(first).toMatchObject({ code: 0, data: { replayed: false, entry: { amount: 100, reasonLabel: expect.any(String) } } })
    expect(retry).toMatchObject({ code: 0, data: { replayed: true } })
    expect(await balance(ALICE)).toMatchObject({ balance: 100, earned: 100 })
    expect(await entriesOf(ALICE)).toHaveLength(1)
  })

  it('should apply twenty parallel duplicates of one adjustment exactly once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => adjust(BOB, 7, 'req-bob-parallel')))
    expect(results.every((r) => r.code === 0)).toBe(true)
    expect(await balance(BOB)).toMatchObject({ balance: 7 })
    expect(await entriesOf(BOB)).toHaveLength(1)
  })

  it('should refuse a spend larger than the balance and change nothing', async () => {
    const before = await balance(ALICE)
    const res = await adjust(ALICE, -(before.balance + 1), 'req-alice-over')
    expect(res).toMatchObject({ code: 'POINTS.INSUFFICIENT', message: '积分不足' })
    expect(await balance(ALICE)).toEqual(before)
    expect(await h.emu.db.find('points_entries', { _id: 'adjust:req-alice-over' })).toEqual([])
  })

  it.each([
    ['a non-integer amount', { amount: 1.5 }],
    ['a zero amount', { amount: 0 }],
    ['a missing note', { note: undefined }],
    ['an oversized amount', { amount: 10_000_000 }],
    ['a bad request id', { requestId: 'x' }],
    ['an extra field', { openid: ALICE }],
    ['an openid instead of a handle', { member: ALICE }],
  ])('should reject %s with REQUEST.INVALID and change nothing', async (_name, patch) => {
    const before = await balance(ALICE)
    const event = { action: 'adjust', member: publicIdOf(ALICE), amount: 5, note: '测试调整', requestId: 'req-invalid-01', ...patch }
    const res = await h.call('points', event, ADMIN)
    expect(res.code).toBe('REQUEST.INVALID')
    expect(await balance(ALICE)).toEqual(before)
  })

  it('should forbid members from admin actions', async () => {
    expect((await adjust(ALICE, 1000, 'req-self-grant', ALICE)).code).toBe('AUTH.FORBIDDEN')
    expect((await h.call('points', { action: 'audit' }, ALICE)).code).toBe('AUTH.FORBIDDEN')
    expect(await entriesOf(ALICE)).toHaveLength(1)
  })

  it('should refuse an adjustment for an unknown member', async () => {
    expect((await adjust('nobody', 5, 'req-nobody-01')).code).toBe('POINTS.MEMBER_NOT_FOUND')
  })

  it('should take identity only from the WeChat context', async () => {
    // A member asking for their history cannot name someone else: the schema refuses any extra field.
    const res = await h.call('points', { action: 'history', memberId: ALICE }, BOB)
    expect(res.code).toBe('REQUEST.INVALID')
    const own = await h.ok<HistoryPage>('points', { action: 'history' }, BOB)
    expect(own.items.every((i) => i.id === 'adjust:req-bob-parallel')).toBe(true)
  })

  it('should page history newest first by time, a page boundary inside a tie neither repeating nor skipping', async () => {
    // Entries of one transaction share their `at` (a check-in, its group bonus and a streak bonus): four share one here.
    const at = [1000, 2000, 3000, 3000, 3000, 3000, 4000]
    const entries = at.map((t, i) => ({ _id: `adjust:pager-${i}`, memberId: 'pager', amount: 1, reason: 'adjust', note: '分页', at: t }))
    await h.emu.db.insert('points_entries', entries)
    await h.member('pager')
    const all = await h.ok<HistoryPage>('points', { action: 'history', limit: 50 }, 'pager')
    expect(all.items.map((i) => i.at)).toEqual([4000, 3000, 3000, 3000, 3000, 2000, 1000])
    expect(all.nextBefore).toBeNull()
    for (const limit of [1, 2, 3]) {
      const seen: string[] = []
      let before: number | null | undefined
      for (let pages = 0; before !== null && pages < 10; pages++) {
        const page = await h.ok<HistoryPage>('points', { action: 'history', limit, ...(before ? { before } : {}) }, 'pager')
        seen.push(...page.items.map((i) => i.id))
        before = page.nextBefore
      }
      expect(seen).toEqual(all.items.map((i) => i.id))
    }
  })

  it('should reverse an entry exactly once and keep the balance equal to the ledger', async () => {
    // Entries are named by their key (time + one-way tag of the id); Alice's only entry so far is the 100-point adjustment.
    const keyOf = async (reason: string) => {
      const [entry] = (await h.emu.db.find('points_entries', { memberId: ALICE, reason })) as { _id: string; at: number }[]
      return entryKeyOf(entry)
    }
    const adjustment = await keyOf('adjust')
    const reverse = (entry: string, note = '误发冲正') =>
      h.call('points', { action: 'reverse', member: publicIdOf(ALICE), entry, note }, ADMIN)
    const [first, again] = await Promise.all([reverse(adjustment), reverse(adjustment)])
    expect([first, again]).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 0,
          data: expect.objectContaining({ replayed: false, entry: expect.objectContaining({ amount: -100 }) }),
        }),
        expect.objectContaining({ code: 0, data: expect.objectContaining({ replayed: true }) }),
      ]),
    )
    expect(await balance(ALICE)).toMatchObject({ balance: 0 })
    expect(await h.emu.db.count('points_entries', { memberId: ALICE, reason: 'reversal' })).toBe(1)
    const reversal = await h.call(
      'points',
      { action: 'reverse', member: publicIdOf(ALICE), entry: await keyOf('reversal'), note: '再次冲正' },
      ADMIN,
    )
    expect(reversal.code).toBe('POINTS.NOT_REVERSIBLE')
    // Right time, wrong tag (or the other way round): no entry.
    expect((await reverse(`${adjustment.split('.')[0]}.AAAAAAAAAAAA`)).code).toBe('POINTS.ENTRY_NOT_FOUND')
    expect((await reverse(`1.${adjustment.split('.')[1]}`)).code).toBe('POINTS.ENTRY_NOT_FOUND')
    expect((await reverse('adjust:req-1')).code).toBe('REQUEST.INVALID')
    expect((await reverse(adjustment, '')).code).toBe('REQUEST.INVALID')
    expect((await h.call('points', { action: 'reverse', member: publicIdOf(ALICE), entry: adjustment, note: '越权冲正' }, BOB)).code).toBe(
      'AUTH.FORBIDDEN',
    )
    expect(await h.emu.db.count('points_entries', { memberId: ALICE, reason: 'reversal' })).toBe(1)
  })

  it('should show the audit trail with names and human labels, never openids or ledger ids', async () => {
    const page = await h.ok<{ items: AuditItem[] }>('points', { action: 'audit', member: publicIdOf(ALICE) }, ADMIN)
    expect(page.items.map((i) => [i.reasonLabel, i.member.nickname, i.refLabel, i.reversed, i.reversible])).toEqual([
      ['冲正', '爱丽丝', '冲正「人工调整」+100', false, false],
      ['人工调整', '爱丽丝', '操作人 运营小王', true, false],
    ])
    expect(page.items.every((i) => i.id === `${publicIdOf(ALICE)}.${i.key}` && /^\d+\.[\w-]{12}$/.test(i.key))).toBe(true)
    expect(page.items[0].member.handle).toBe(publicIdOf(ALICE))
    const everything = JSON.stringify(await h.ok('points', { action: 'audit', limit: 50 }, ADMIN))
    for (const openid of [ADMIN, ALICE, BOB]) expect(everything).not.toContain(`"${openid}`)
    expect(everything).not.toContain('adjust:')
    expect(everything).not.toContain('admin:')
  })

  it('should report no mismatch when reconciling, and report a tampered balance', async () => {
    expect(await h.ok('points', { action: 'reconcile' }, ADMIN)).toMatchObject({ mismatched: 0 })
    await h.emu.db.insert('points_balances', [{ _id: 'ghost', balance: 50, earned: 50, spent: 0, version: 1, updatedAt: 0 }])
    const report = await h.ok<ReconcileView>('points', { action: 'reconcile' }, ADMIN)
    expect(report.mismatched).toBe(1)
    expect(report.reports).toMatchObject([{ member: { handle: publicIdOf('ghost') }, ok: false }])
  })

  it('should name reconciled members by handle and nickname, never by openid', async () => {
    // Alice's balance is tampered with, and an entry of hers recorded a negative balance (its id holds her openid).
    await h.emu.db.insert('points_entries', [
      { _id: `makeup:p1:2026-11-02:${ALICE}`, memberId: ALICE, amount: -5, reason: 'makeup', at: 5, balanceAfter: -5 },
    ])
    const everyone = await h.ok<ReconcileView>('points', { action: 'reconcile' }, ADMIN)
    const alice = await h.ok<ReconcileView>('points', { action: 'reconcile', memberId: ALICE }, ADMIN)
    expect(alice.reports).toMatchObject([{ member: { handle: publicIdOf(ALICE), nickname: '爱丽丝' }, ok: false }])
    expect(alice.reports[0].negativeAfter).toEqual([expect.stringMatching(/^5\.[\w-]{12}$/)])
    expect(alice.reports[0]).not.toHaveProperty('memberId')
    for (const answer of [everyone, alice]) {
      for (const openid of [ADMIN, ALICE, BOB, 'ghost']) expect(JSON.stringify(answer)).not.toContain(openid)
    }
  })

  it('should run the reconcile timer without a user', async () => {
    const out = await runTimerJob(h.emu.runtime, 'points', 'reconcile')
    expect(out.result).toMatchObject({ code: 0, data: { checked: expect.any(Number) } })
  })
})
