import { addDays, businessDay } from '../../../cloudfunctions/src/domain/business-day'
import { seedPersonaMembers } from '../../../local/seed'
import { seedCamps } from '../../../local/seed/camps'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { campOk, reviewOk } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  const now = h.emu.clock.now()
  await seedPersonaMembers(h.emu, now)
  await seedCamps(h.emu, now)
}, 60_000)
afterAll(() => h.close())

describe('demo review seed', () => {
  it('should show a member yesterday’s check-in with 李老师’s comment and stars', async () => {
    const mine = await campOk(h, 'myPeriods', {}, 'dev-member-01')
    const yesterday = addDays(businessDay(h.emu.clock.now()), -1)
    const view = await campOk(h, 'myCheckin', { periodId: mine.items[0].period.id, day: yesterday }, 'dev-member-01')
    expect(view.review).toMatchObject({ reviewer: { name: '李老师' }, comment: expect.any(String), score: { value: expect.any(Number) } })
  })

  it('should give 李老师 a queue of pending submissions and today’s count in the stats', async () => {
    const page = await reviewOk(h, 'queue', { day: 'all' }, 'dev-teacher-01')
    expect(page.items.length).toBeGreaterThan(0)
    expect(page.backlog?.total).toBeGreaterThan(0)
    expect(await h.emu.db.count('reviews', { reviewerId: 'dev-teacher-01' })).toBeGreaterThanOrEqual(8)
  })

  it('should leave every period’s backlog counters equal to its waiting check-ins', async () => {
    const periods = (await h.emu.db.find('periods', {})) as { _id: string }[]
    expect(periods.length).toBeGreaterThan(0)
    for (const { _id: periodId } of periods) {
      const waiting = await h.emu.db.count('checkins', { periodId, reviewStatus: 'pending', moderation: { $ne: 'risky' } })
      const docs = (await h.emu.db.find('queue_counters', { periodId })) as { _id: string; pending: number; foldedUntil?: number }[]
      const base = docs.find((d) => d._id === `qc:${periodId}:base`)
      expect(base).toBeDefined()
      // Base + shards + the check-ins whose creation is not folded into the base yet (domain/camp/queue-counters.ts).
      const created = await h.emu.db.count('checkins', { periodId, queuedAt: { $gte: base?.foldedUntil ?? 0 } })
      expect(docs.reduce((n, d) => n + d.pending, 0) + created).toBe(waiting)
    }
  })
})
