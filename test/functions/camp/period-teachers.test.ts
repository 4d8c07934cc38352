import type { PeriodTeachersView } from '../../../cloudfunctions/src/contracts/camp-results'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, camp, campOk, checkin, ensureMember, joined, openPeriod } from './support'

let h: FunctionsHarness
const NEW_TEACHER = 't-new-0001'
const PLAIN = 'm-plain-0002'

beforeAll(async () => {
  h = await startFunctions()
  await ensureMember(h, ADMIN, ['admin'])
  await h.member(NEW_TEACHER, ['teacher'], { nickname: '周老师' })
  await h.member(PLAIN, [], { nickname: '普通学员' })
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

const assign = (periodId: string, openid: string, assigned: boolean, caller = ADMIN) =>
  camp(h, 'setPeriodTeacher', { periodId, teacher: publicIdOf(openid), assigned }, caller)
const queue = (teacher: string) => h.ok<{ items: { id: string }[] }>('review', { action: 'queue' }, teacher)
const teacherIdsOf = async (periodId: string) =>
  ((await h.emu.db.find('periods', { _id: periodId })) as { teacherIds: string[] }[])[0].teacherIds

describe('assigning teachers to a period', () => {
  it('should put a new camp’s submissions in the queue of the teacher the operator assigned, and only then', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['m-a', 'm-b'])
    for (const m of ['m-a', 'm-b']) expect((await checkin(h, period._id, m)).code).toBe(0)
    expect((await queue(NEW_TEACHER)).items).toEqual([])

    const res = await assign(period._id, NEW_TEACHER, true)
    expect(res).toMatchObject({
      code: 0,
      data: { periodId: period._id, teachers: [{ nickname: '周老师', handle: publicIdOf(NEW_TEACHER) }] },
    })
    expect(JSON.stringify(res)).not.toContain(NEW_TEACHER)
    expect((await queue(NEW_TEACHER)).items).toHaveLength(2)

    expect((await assign(period._id, NEW_TEACHER, false)).code).toBe(0)
    expect((await queue(NEW_TEACHER)).items).toEqual([])
    expect(await teacherIdsOf(period._id)).toEqual([])
  })

  it('should keep the assigned teachers’ and the admin’s openids out of the admin camp and period answers', async () => {
    const period = await openPeriod(h)
    expect((await assign(period._id, NEW_TEACHER, true)).code).toBe(0)
    expect(await teacherIdsOf(period._id)).toEqual([NEW_TEACHER])

    const answers = [
      await camp(h, 'adminCamp', { campId: period.campId }, ADMIN),
      await camp(h, 'adminCamps', { limit: 50 }, ADMIN),
      await camp(h, 'updatePeriod', { periodId: period._id, capacity: 90 }, ADMIN),
      await camp(h, 'setTasks', { periodId: period._id, tasks: [] }, ADMIN),
    ]
    for (const res of answers) {
      expect(res.code).toBe(0)
      expect(JSON.stringify(res)).not.toContain(NEW_TEACHER)
      expect(JSON.stringify(res)).not.toContain(ADMIN)
    }
  })

  it('should be idempotent under repeats and parallel duplicates', async () => {
    const period = await openPeriod(h)
    const all = await Promise.all(Array.from({ length: 5 }, () => assign(period._id, NEW_TEACHER, true)))
    expect(all.every((r) => r.code === 0)).toBe(true)
    expect(await teacherIdsOf(period._id)).toEqual([NEW_TEACHER])
    const listed = await campOk(h, 'periodTeachers', { periodId: period._id }, ADMIN)
    expect((listed as PeriodTeachersView).teachers.map((t) => t.nickname)).toEqual(['周老师'])
    expect((await assign(period._id, PLAIN, false)).code).toBe(0)
    expect(await teacherIdsOf(period._id)).toEqual([NEW_TEACHER])
  })

  it('should refuse a member without the teacher role, an unknown handle, a missing period and a non-admin caller', async () => {
    const period = await openPeriod(h)
    expect((await assign(period._id, PLAIN, true)).code).toBe('CAMP.NOT_A_TEACHER')
    expect((await assign(period._id, 'nobody-here', true)).code).toBe('CAMP.TEACHER_NOT_FOUND')
    expect((await assign('no-such-period', NEW_TEACHER, true)).code).toBe('CAMP.PERIOD_NOT_FOUND')
    expect((await assign(period._id, NEW_TEACHER, true, NEW_TEACHER)).code).toBe('AUTH.FORBIDDEN')
    expect((await camp(h, 'setPeriodTeacher', { periodId: period._id, teacher: NEW_TEACHER, assigned: true }, ADMIN)).code).toBe(
      'REQUEST.INVALID',
    )
    expect(await teacherIdsOf(period._id)).toEqual([])
  })
})
