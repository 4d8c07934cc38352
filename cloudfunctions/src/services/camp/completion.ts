/**
 * Completion when a period ends: its enrollments in `_id` order, 100 at a time; each member who met the threshold is
 * completed in a transaction that re-reads the enrollment (completed: skip) and appends the bonus (key
 * `completion:{period}:{member}`), so two timer runs — or a run and an admin's close — pay it exactly once. After the
 * last batch the period is closed and its stats frozen. A cursor with the running tally is saved after every batch, so
 * a run cut short by its time budget resumes where it stopped.
 */
import {
  EMPTY_TALLY,
  effectiveStatus,
  mergeStats,
  planClose,
  planCompletion,
  rejectCamp,
  type CampRejection,
  type EnrollmentDoc,
  type PeriodDoc,
  type StatsTally,
} from '../../domain/camp'
import { isDuplicateKey, TxAbort, withTransaction } from '../../shared/db'
import { command } from '../../shared/repository'
import { wholeFields } from '../../shared/whole-fields'
import { trackInTx } from '../tracking/track'
import { appendAwardsInTx } from './awards'
import { ENROLLMENTS, forgetPeriod, getPeriod, PERIODS, repo, SYS_META } from './store'

const BATCH = 100
const BUDGET_MS = 40_000

interface CompletionCursor {
  _id: string
  periodId: string
  after: string | null
  tally: StatsTally
}
const cursorId = (periodId: string) => `completion:${periodId}`

export interface CompletionRun {
  periodId: string
  completed: number
  closed: boolean
}

/** Completes one member; false when someone else already did (or they no longer qualify). */
async function completeOne(period: PeriodDoc, id: string, now: number): Promise<boolean> {
  try {
    return await withTransaction(async (tx) => {
      const fresh = await repo.getIn(tx, ENROLLMENTS, id)
      if (!fresh) return false
      const plan = planCompletion(period, [fresh], now)
      if (!plan.ok) throw new TxAbort(false)
      const item = plan.items[0]
      if (!item) return false
      await repo
        .inTx(tx, ENROLLMENTS)
        .doc(id)
        .update({ data: wholeFields(item.patch) })
      if (item.award) await appendAwardsInTx(tx, [item.award], now)
      const props = { checkedDays: item.certificate.checkedDays }
      await trackInTx(tx, { type: 'complete', memberId: fresh.memberId, periodId: period._id, campId: period.campId, props }, now)
      return true
    })
  } catch (err) {
    if (isDuplicateKey(err)) return false // the bonus entry exists: completed by an earlier run
    throw err
  }
}

async function nextBatch(periodId: string, after: string | null): Promise<EnrollmentDoc[]> {
  const _ = command()
  const where = after === null ? { periodId } : { periodId, _id: _.gt(after) }
  const res = await repo.col(ENROLLMENTS).where(where).orderBy('_id', 'asc').limit(BATCH).get()
  return res.data
}

export async function completePeriod(periodId: string, now: number, budgetMs = BUDGET_MS): Promise<CompletionRun | CampRejection> {
  const started = Date.now()
  const period = await getPeriod(periodId)
  if (!period) return rejectCamp('CAMP.PERIOD_NOT_FOUND')
  const saved = await repo.getMeta<Omit<CompletionCursor, '_id'>>(cursorId(periodId))
  let after = saved?.after ?? null
  let tally = saved?.tally ?? { ...EMPTY_TALLY }
  let completed = 0
  for (;;) {
    const batch = await nextBatch(periodId, after)
    const plan = planCompletion(period, batch, now)
    if (!plan.ok) return plan
    for (const item of plan.items) {
      if (await completeOne(period, item.enrollmentId, now)) completed++
    }
    tally = mergeStats(tally, plan.tally)
    after = batch.length ? batch[batch.length - 1]._id : after
    await repo.col(SYS_META).doc(cursorId(periodId)).set({ data: { periodId, after, tally } })
    if (batch.length < BATCH) break
    if (Date.now() - started > budgetMs) return { periodId, completed, closed: false }
  }
  const close = planClose(period, tally, now)
  if (!close.ok) return close
  const _ = command()
  forgetPeriod(periodId)
  await repo
    .col(PERIODS)
    .where({ _id: periodId, status: _.neq('closed') })
    .update({ data: { status: close.patch.status, stats: _.set(close.patch.stats), updatedAt: now } })
  return { periodId, completed, closed: true }
}

/** The timer: every published period whose last day is over (open periods are few; index { status }). */
export async function completeEndedPeriods(now: number): Promise<CompletionRun[]> {
  const res = await repo.col(PERIODS).where({ status: 'open' }).limit(1000).get()
  const runs: CompletionRun[] = []
  for (const p of res.data.filter((x) => effectiveStatus(x, now) === 'ended')) {
    const out = await completePeriod(p._id, now)
    if ('periodId' in out) runs.push(out)
  }
  return runs
}

/** Admin "结营": completion now for one ended period; answers the period as stored afterwards (stats once closed). */
export async function closePeriod(periodId: string, now: number): Promise<PeriodDoc | CampRejection> {
  const out = await completePeriod(periodId, now)
  if ('ok' in out) return out
  return (await getPeriod(periodId)) ?? rejectCamp('CAMP.PERIOD_NOT_FOUND')
}
