/**
 * Which teachers review a period (PeriodDoc.teacherIds: the review queue reads it through the `teachers` index). The
 * operator names a teacher by the handle a member search answered; the server resolves it and checks the role.
 * Assigning an assigned teacher (or unassigning one who is not) changes nothing, so retries are harmless.
 */
import type { PeriodTeachersView } from '../../contracts/camp-results'
import { rejectCamp, type CampRejection, type PeriodDoc } from '../../domain/camp'
import { TxAbort, withTransaction } from '../../shared/db'
import { wholeFields } from '../../shared/whole-fields'
import { memberByHandle, picksOf } from '../identity/directory'
import { forgetPeriod, getPeriod, PERIODS, repo } from './store'

export const MAX_PERIOD_TEACHERS = 50

async function view(period: Pick<PeriodDoc, '_id' | 'teacherIds'>): Promise<PeriodTeachersView> {
  const picks = await picksOf(period.teacherIds)
  return { periodId: period._id, teachers: period.teacherIds.map((id) => picks.get(id)).filter((p) => p !== undefined) }
}

export async function periodTeachers(periodId: string): Promise<PeriodTeachersView | CampRejection> {
  const period = await getPeriod(periodId)
  return period ? view(period) : rejectCamp('CAMP.PERIOD_NOT_FOUND')
}

export async function setPeriodTeacher(
  periodId: string,
  handle: string,
  assigned: boolean,
  now: number,
): Promise<PeriodTeachersView | CampRejection> {
  const teacher = await memberByHandle(handle)
  if (!teacher) return rejectCamp('CAMP.TEACHER_NOT_FOUND')
  if (assigned && !teacher.roles.includes('teacher')) return rejectCamp('CAMP.NOT_A_TEACHER')
  forgetPeriod(periodId)
  const after = await withTransaction<PeriodDoc | CampRejection>(async (tx) => {
    const period = await repo.getIn(tx, PERIODS, periodId)
    if (!period) throw new TxAbort(rejectCamp('CAMP.PERIOD_NOT_FOUND'))
    const has = period.teacherIds.includes(teacher._id)
    if (has === assigned) return period
    if (assigned && period.teacherIds.length >= MAX_PERIOD_TEACHERS) throw new TxAbort(rejectCamp('CAMP.TOO_MANY_TEACHERS'))
    const teacherIds = assigned ? [...period.teacherIds, teacher._id] : period.teacherIds.filter((id) => id !== teacher._id)
    const { [teacher._id]: _dropped, ...teacherTeams } = period.teacherTeams ?? {}
    void _dropped
    const patch = assigned ? { teacherIds, updatedAt: now } : { teacherIds, teacherTeams, updatedAt: now }
    await repo
      .inTx(tx, PERIODS)
      .doc(periodId)
      .update({ data: wholeFields(patch) })
    return { ...period, ...patch }
  })
  forgetPeriod(periodId)
  return 'ok' in after ? after : view(after)
}
