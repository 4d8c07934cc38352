/**
 * The check-in's per-instance period cache (services/camp/store.ts): an edit made through another instance is seen
 * within PERIOD_TTL_MS, an edit made through this one at once, and drafts are never cached.
 */
import type { PeriodDoc } from '../../../cloudfunctions/src/domain/camp'
import { updatePeriod } from '../../../cloudfunctions/src/services/camp/admin'
import { cachedVisiblePeriod, PERIOD_TTL_MS, PERIODS } from '../../../cloudfunctions/src/services/camp/store'
import { db } from '../../../cloudfunctions/src/shared/db'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, campOk, openPeriod, periodInput, today, requestId } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

/** A write as another function instance makes it: straight to the database, this process's cache not told. */
const writeElsewhere = (periodId: string, data: Partial<PeriodDoc>) => db().collection(PERIODS).doc(periodId).update({ data })

const cached = async (periodId: string, now: number): Promise<PeriodDoc> => {
  const out = await cachedVisiblePeriod(periodId, now)
  if ('ok' in out) throw new Error(`period refused: ${out.code}`)
  return out
}

describe('check-in period cache', () => {
  it('should keep a period for PERIOD_TTL_MS after reading it and read it again after that', async () => {
    const period = await openPeriod(h, { capacity: 100 })
    const now = h.emu.clock.now()
    expect((await cached(period._id, now)).capacity).toBe(100)
    await writeElsewhere(period._id, { capacity: 150 })
    expect((await cached(period._id, now + PERIOD_TTL_MS - 1)).capacity).toBe(100)
    expect((await cached(period._id, now + PERIOD_TTL_MS)).capacity).toBe(150)
  })

  it('should see an edit made through this instance at once', async () => {
    const period = await openPeriod(h, { capacity: 100 })
    const now = h.emu.clock.now()
    expect((await cached(period._id, now)).capacity).toBe(100)
    const edited = await updatePeriod(period._id, { capacity: 120 }, now)
    expect(edited).toMatchObject({ capacity: 120 })
    expect((await cached(period._id, now)).capacity).toBe(120)
  })

  it('should not cache a draft, so a period published elsewhere is visible at once', async () => {
    const created = await campOk(
      h,
      'createCamp',
      {
        requestId: requestId(),
        title: '缓存测试营',
        subject: 'english',
        gradeTags: ['g3'],
        coverFileId: 'cloud://local-dev.x/covers/c.png',
        description: '每天说一段英语',
      },
      ADMIN,
    )
    const draft = await campOk(h, 'createPeriod', periodInput(created.camp._id, today(h)), ADMIN)
    const now = h.emu.clock.now()
    expect(await cachedVisiblePeriod(draft._id, now)).toMatchObject({ ok: false, code: 'CAMP.PERIOD_NOT_FOUND' })
    await writeElsewhere(draft._id, { status: 'open' })
    expect((await cached(draft._id, now)).status).toBe('open')
  })
})
