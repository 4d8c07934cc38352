/**
 * Creates are idempotent on the form's request id (issue #13 item 8): a double tap or a retry of 创建打卡营 / 创建期次
 * makes one document and answers it every time; a period is never left without its seats.
 */
import type { AdminCampView } from '../../../cloudfunctions/src/contracts/camp-results'
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import type { PeriodDoc } from '../../../cloudfunctions/src/domain/camp'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, camp, campOk, periodInput, requestId, today } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await at(h, '2026-03-02 09:00')
})
afterAll(() => h.close())

const campInput = {
  title: '书法打卡',
  subject: 'art',
  gradeTags: ['g3'],
  coverFileId: 'cloud://local-dev.x/covers/c.png',
  description: '每天一页',
}

describe('creating once per request id', () => {
  it('should make one camp out of 10 parallel taps of the same form, and answer it to each', async () => {
    const rid = requestId()
    const answers = await Promise.all(Array.from({ length: 10 }, () => camp(h, 'createCamp', { ...campInput, requestId: rid }, ADMIN)))
    expect(answers.map((a) => a.code)).toEqual(Array(10).fill(0))
    const ids = new Set(answers.map((a) => (a as { data: AdminCampView }).data.camp._id))
    expect(ids.size).toBe(1)
    expect(await h.emu.db.count('camps', { title: '书法打卡' })).toBe(1)
    // A new form (a new request id) is a new camp.
    await campOk(h, 'createCamp', { ...campInput, requestId: requestId() }, ADMIN)
    expect(await h.emu.db.count('camps', { title: '书法打卡' })).toBe(2)
  })

  it('should make one period with its seats out of parallel taps, and refuse another form for the same number', async () => {
    const created = await campOk(h, 'createCamp', { ...campInput, title: '期次测试', requestId: requestId() }, ADMIN)
    const input = periodInput(created.camp._id, today(h), { capacity: 40 })
    const answers = await Promise.all(Array.from({ length: 8 }, () => camp(h, 'createPeriod', input, ADMIN)))
    expect(answers.map((a) => a.code)).toEqual(Array(8).fill(0))
    const [period] = (await h.emu.db.find('periods', { campId: created.camp._id })) as PeriodDoc[]
    expect(new Set(answers.map((a) => (a as { data: AdminPeriodView }).data._id))).toEqual(new Set([period._id]))
    expect(await h.emu.db.count('periods', { campId: created.camp._id })).toBe(1)
    const seats = (await h.emu.db.find('period_seats', { periodId: period._id })) as { capacity: number }[]
    expect(seats.reduce((n, s) => n + s.capacity, 0)).toBe(40)
    const other = await camp(h, 'createPeriod', { ...input, requestId: requestId() }, ADMIN)
    expect(other).toMatchObject({ code: 'CAMP.CONFIG_INVALID' })
  })

  it('should leave no period without seats when the commit fails, and create both on the retry', async () => {
    const created = await campOk(h, 'createCamp', { ...campInput, title: '故障测试', requestId: requestId() }, ADMIN)
    const input = periodInput(created.camp._id, today(h), { capacity: 20 })
    h.emu.faults.failNext({ action: 'database.insertDocument', collection: 'period_seats' })
    expect((await camp(h, 'createPeriod', input, ADMIN)).code).toBe('SYS.INTERNAL')
    expect(await h.emu.db.count('periods', { campId: created.camp._id })).toBe(0)
    const retry = await campOk(h, 'createPeriod', input, ADMIN)
    // the retry's seats hold the whole capacity, none taken (the failed attempt left none behind)
    const seats = (await h.emu.db.find('period_seats', { periodId: retry._id })) as { capacity: number; taken: number }[]
    expect(seats.reduce((s, x) => [s[0] + x.capacity, s[1] + x.taken], [0, 0])).toEqual([20, 0])
  })
})
