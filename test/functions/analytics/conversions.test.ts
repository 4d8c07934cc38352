import type { ConversionView, PeriodDashboardView, PeriodMembersPage } from '../../../cloudfunctions/src/contracts/analytics'
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, joined, openPeriod } from '../camp/support'
import { ANALYST, analytics, analyticsOk, snapshot } from './support'

let h: FunctionsHarness
let period: AdminPeriodView
const TOUCHED = ['conversions', 'conversion_rounds', 'events', 'member_layers', 'layer_paths', 'analytics_runs', 'period_funnels']

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await h.member(ANALYST, ['admin'])
  await at(h, '2026-06-01 09:00')
  period = await openPeriod(h)
  await joined(h, period, ['payer', 'other', 'plain'])
  await analyticsOk(h, 'setRounds', {
    periodId: period._id,
    rounds: [
      { name: '结营特惠', startDay: '2026-06-08' },
      { name: '二轮跟进', startDay: '2026-06-10' },
    ],
  })
})
afterAll(() => h.close())

const record = (memberId: string, extra: Record<string, unknown> = {}) =>
  analytics<ConversionView>(h, 'recordConversion', { periodId: period._id, memberId, round: 1, amountFen: 99_00, ...extra })

describe('paid conversions', () => {
  it('should record one conversion under 10 parallel calls and refuse the rest', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => record('payer')))
    expect(answers.filter((a) => a.code === 0)).toHaveLength(1)
    expect(answers.filter((a) => a.code === 'ANALYTICS.ALREADY_RECORDED')).toHaveLength(9)
    expect(await h.emu.db.count('conversions', { periodId: period._id, memberId: 'payer' })).toBe(1)
    expect(await h.emu.db.count('events', { type: 'conversion_paid', memberId: 'payer' })).toBe(1)
    expect((await h.emu.db.find('member_layers', { _id: 'payer' }))[0]).toMatchObject({ layer: 'L5' })
    expect(((await h.emu.db.find('layer_paths', { _id: 'all' }))[0] as { counts: Record<string, number> }).counts).toEqual({ none_L5: 1 })
  })

  it('should refuse a second record later and let a correction change round and amount', async () => {
    expect((await record('payer', { round: 2 })).code).toBe('ANALYTICS.ALREADY_RECORDED')
    const fixed = await analyticsOk<ConversionView>(h, 'correctConversion', {
      periodId: period._id,
      memberId: 'payer',
      round: 2,
      amountFen: 199_00,
    })
    expect(fixed).toMatchObject({ round: 2, amountFen: 199_00 })
    const page = await analyticsOk<PeriodMembersPage>(h, 'periodMembers', { periodId: period._id })
    expect(page.items.find((i) => i.memberId === 'payer')?.conversion).toMatchObject({ round: 2, amountFen: 199_00 })
    expect(page.rounds.map((r) => r.name)).toEqual(['结营特惠', '二轮跟进'])
  })

  it('should show conversion per round after a refresh', async () => {
    await analyticsOk(h, 'refresh', { periodId: period._id })
    const view = await analyticsOk<PeriodDashboardView>(h, 'periodDashboard', { periodId: period._id })
    expect(view.stages.paid).toBe(1)
    expect(view.rounds.map((r) => [r.round, r.paid, r.rateOfMembers])).toEqual([
      [1, 0, 0],
      [2, 1, 0.3333],
    ])
  })

  it('should answer bad input with stable codes and change nothing', async () => {
    const before = await snapshot(h, TOUCHED)
    expect((await record('stranger')).code).toBe('ANALYTICS.NOT_ENROLLED')
    expect((await record('other', { round: 3 })).code).toBe('ANALYTICS.ROUND_NOT_SET')
    expect((await record('other', { periodId: 'missing' })).code).toBe('ANALYTICS.PERIOD_NOT_FOUND')
    expect((await record('other', { round: 4 })).code).toBe('REQUEST.INVALID')
    expect((await record('other', { amountFen: -1 })).code).toBe('REQUEST.INVALID')
    expect((await record('other', { memberId: 'x:y' })).code).toBe('REQUEST.INVALID')
    expect((await analytics(h, 'correctConversion', { periodId: period._id, memberId: 'other', round: 1 })).code).toBe(
      'ANALYTICS.CONVERSION_NOT_FOUND',
    )
    expect((await analytics(h, 'correctConversion', { periodId: period._id, memberId: 'payer' })).code).toBe('ANALYTICS.NOTHING_TO_CORRECT')
    const badRounds = await analytics(h, 'setRounds', {
      periodId: period._id,
      rounds: [
        { name: 'A', startDay: '2026-06-10' },
        { name: 'B', startDay: '2026-06-09' },
      ],
    })
    expect(badRounds).toMatchObject({ code: 'ANALYTICS.ROUNDS_INVALID', message: expect.any(String) })
    expect((await analytics(h, 'periodDashboard', { periodId: period._id, extra: 1 })).code).toBe('REQUEST.INVALID')
    expect(await snapshot(h, TOUCHED)).toEqual(before)
  })

  it('should refuse every action to a member who is not an admin', async () => {
    const before = await snapshot(h, TOUCHED)
    const actions: Record<string, Record<string, unknown>> = {
      layers: {},
      periods: {},
      periodDashboard: { periodId: period._id },
      refresh: { periodId: period._id },
      setRounds: { periodId: period._id, rounds: [] },
      periodMembers: { periodId: period._id },
      recordConversion: { periodId: period._id, memberId: 'plain', round: 1 },
      correctConversion: { periodId: period._id, memberId: 'payer', round: 1 },
      exportPeriod: { periodId: period._id },
    }
    for (const [action, payload] of Object.entries(actions)) {
      expect({ action, code: (await analytics(h, action, payload, 'plain')).code }).toEqual({ action, code: 'AUTH.FORBIDDEN' })
    }
    expect(await snapshot(h, TOUCHED)).toEqual(before)
  })
})
