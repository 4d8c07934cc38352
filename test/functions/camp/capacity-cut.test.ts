/**
 * Cutting a period's capacity: never below the members already enrolled, and never an overbooking afterwards or
 * while joins race the cut (the seat shards are re-shared in the edit's transaction, as free classes do with
 * CLASS.CAPACITY_BELOW_TAKEN).
 */
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import type { PeriodDoc } from '../../../cloudfunctions/src/domain/camp'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, camp, ensureMember, joined, openPeriod } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

const enrolled = (periodId: string) => h.emu.db.count('enrollments', { periodId })
const seats = async (periodId: string) =>
  (await h.emu.db.find('period_seats', { periodId })) as { _id: string; capacity: number; taken: number }[]
const cut = (periodId: string, capacity: number) => camp(h, 'updatePeriod', { periodId, capacity }, ADMIN)

async function periodWith(members: number, capacity: number, tag: string): Promise<AdminPeriodView> {
  const period = await openPeriod(h, { capacity })
  await joined(
    h,
    period,
    Array.from({ length: members }, (_, i) => `${tag}-early-${i}`),
  )
  return period
}

async function raceJoins(periodId: string, count: number, tag: string) {
  const racers = Array.from({ length: count }, (_, i) => `${tag}-late-${i}`)
  for (const m of racers) await ensureMember(h, m)
  return Promise.all(racers.map((m) => camp(h, 'join', { periodId }, m)))
}

describe('period capacity cuts', () => {
  it('should admit nobody more after cutting 16 to the 8 enrolled, with 12 joins racing', async () => {
    const period = await periodWith(8, 16, 'cut8')
    expect((await cut(period._id, 8)).code).toBe(0)
    const answers = await raceJoins(period._id, 12, 'cut8')
    expect(answers.map((a) => a.code)).toEqual(Array(12).fill('CAMP.FULL'))
    expect(await enrolled(period._id)).toBe(8)
    const shards = await seats(period._id)
    expect(shards.reduce((s, x) => s + x.capacity, 0)).toBe(8)
    expect(shards.reduce((s, x) => s + x.taken, 0)).toBe(8)
  })

  it('should fill exactly the new capacity when 12 race for the 2 seats left after a cut to 10', async () => {
    const period = await periodWith(8, 16, 'cut10')
    expect((await cut(period._id, 10)).code).toBe(0)
    const answers = await raceJoins(period._id, 12, 'cut10')
    expect(answers.filter((a) => a.code === 0)).toHaveLength(2)
    expect(await enrolled(period._id)).toBe(10)
  })

  it('should refuse a capacity below the members enrolled and change nothing', async () => {
    const period = await periodWith(8, 16, 'below')
    const before = await seats(period._id)
    const res = await cut(period._id, 7)
    expect(res).toMatchObject({ code: 'CAMP.CAPACITY_BELOW_TAKEN', details: { taken: 8 } })
    expect(res.code !== 0 && res.message).toContain('已有 8 人报名')
    const [stored] = (await h.emu.db.find('periods', { _id: period._id })) as PeriodDoc[]
    expect(stored.capacity).toBe(16)
    expect(await seats(period._id)).toEqual(before)
  })

  it('should never overbook when a cut races the joins', async () => {
    const period = await periodWith(8, 16, 'race')
    const [cutAnswer, answers] = await Promise.all([cut(period._id, 10), raceJoins(period._id, 12, 'race')])
    const total = await enrolled(period._id)
    const [stored] = (await h.emu.db.find('periods', { _id: period._id })) as PeriodDoc[]
    // Either the cut won (then at most 10 are in) or enough joins came first and it was refused (capacity stays 16).
    if (cutAnswer.code === 0) expect(total).toBeLessThanOrEqual(10)
    else expect(cutAnswer.code).toBe('CAMP.CAPACITY_BELOW_TAKEN')
    expect(total).toBeLessThanOrEqual(stored.capacity)
    expect(total).toBe(8 + answers.filter((a) => a.code === 0).length)
    const shards = await seats(period._id)
    expect(shards.reduce((s, x) => s + x.taken, 0)).toBe(total)
    expect(shards.reduce((s, x) => s + x.capacity, 0)).toBe(stored.capacity)
  })
})
