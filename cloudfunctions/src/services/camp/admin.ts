/** Admin setup: camps, periods (rules, publishing) and daily tasks. Every write re-checks the period's cross-field rules. */
import { toAdminCampSetup, toAdminPeriodView, type AdminCampListView, type AdminCampView } from '../../contracts/camp-results'
import {
  boundGroupsOf,
  checkGroupEntry,
  checkPeriodEdit,
  checkPeriodSetup,
  newCamp,
  newPeriod,
  newPeriodQueueBase,
  rejectCamp,
  sortTasks,
  todayOf,
  type CampDoc,
  type CampRejection,
  type CampSetup,
  type DailyTask,
  type PeriodDoc,
  type PeriodSetup,
} from '../../domain/camp'
import { isDuplicateKey, TxAbort, withTransaction } from '../../shared/db'
import { createdId } from '../../shared/created-id'
import { wholeFields } from '../../shared/whole-fields'
import { membersOf, newSeatShards, resizeSeatsInTx, shardCount, type StoredPeriod } from './seats'
import { CAMPS, forgetPeriod, getCamp, getPeriod, PERIODS, QUEUE_COUNTERS, repo, SEATS } from './store'

const notFound = () => rejectCamp('CAMP.NOT_FOUND')

export async function adminCampView(camp: CampDoc): Promise<AdminCampView> {
  const res = await repo.col(PERIODS).where({ campId: camp._id }).orderBy('index', 'desc').limit(100).get()
  return { camp: toAdminCampSetup(camp), periods: res.data.map(toAdminPeriodView), members: await membersOf(res.data.map((p) => p._id)) }
}

export async function adminCamp(campId: string): Promise<AdminCampView | CampRejection> {
  const camp = await getCamp(campId)
  return camp ? adminCampView(camp) : notFound()
}

export async function adminCamps(limit: number): Promise<AdminCampListView> {
  const res = await repo.col(CAMPS).orderBy('createdAt', 'desc').limit(limit).get()
  return { items: await Promise.all(res.data.map(adminCampView)) }
}

export async function createCamp(setup: CampSetup, requestId: string, adminId: string, now: number): Promise<AdminCampView> {
  const camp = newCamp(createdId('camp', adminId, requestId), setup, adminId, now)
  try {
    await repo.col(CAMPS).add({ data: camp })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    const first = await getCamp(camp._id)
    if (!first) throw err
    return adminCampView(first)
  }
  return { camp: toAdminCampSetup(camp), periods: [], members: {} }
}

export async function updateCamp(
  campId: string,
  patch: Partial<CampSetup> & { archived?: boolean },
  now: number,
): Promise<AdminCampView | CampRejection> {
  const camp = await getCamp(campId)
  if (!camp) return notFound()
  const data: Partial<CampDoc> = { ...patch, updatedAt: now }
  if (patch.gradeTags) data.gradeTags = [...new Set(patch.gradeTags)]
  await repo
    .col(CAMPS)
    .doc(campId)
    .update({ data: wholeFields(data) })
  return adminCampView({ ...camp, ...data })
}

/**
 * The period, its seat shards and its queue counters' base commit together (one transaction, one add each:
 * transactions take single-document operations only), so no period ever exists without seats. A repeat of the same request answers the first period.
 */
export async function createPeriod(
  setup: PeriodSetup,
  requestId: string,
  adminId: string,
  now: number,
): Promise<PeriodDoc | CampRejection> {
  if (!(await getCamp(setup.campId))) return notFound()
  const bad = checkPeriodSetup(setup)
  if (bad) return bad
  const period: StoredPeriod = { ...newPeriod(createdId('period', adminId, requestId), setup, now), seatShards: shardCount(setup.capacity) }
  try {
    return await withTransaction(async (tx) => {
      const first = await repo.getIn(tx, PERIODS, period._id)
      if (first) return first
      await repo.inTx(tx, PERIODS).add({ data: period })
      for (const shard of newSeatShards(period._id, setup.capacity)) await repo.inTx(tx, SEATS).add({ data: shard })
      // A new period has no backlog: its queue counters' base starts at zero, so it is counted from its first check-in.
      await repo.inTx(tx, QUEUE_COUNTERS).add({ data: newPeriodQueueBase(period._id) })
      return period
    })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    // The same request committed meanwhile (its period id), or another form took this period number (the unique index).
    const raced = await getPeriod(period._id)
    return raced ?? rejectCamp('CAMP.CONFIG_INVALID', { field: 'index' }, `打卡营设置不正确：第 ${setup.index} 期已存在`)
  }
}

export type PeriodPatch = Partial<Omit<PeriodSetup, 'campId' | 'tasks'>> & { status?: 'draft' | 'open' }

/** The period as it would be after the edit, normalised like a new one (sorted tasks and milestones). */
function edited(before: StoredPeriod, patch: PeriodPatch & { tasks?: DailyTask[] }, now: number): StoredPeriod {
  const { _id, status, stats, createdAt, updatedAt: _u, seatShards, boundGroups, ...setup } = before
  void _u
  const next = newPeriod(_id, { ...setup, ...withoutStatus(patch) }, createdAt, boundGroupsOf({ boundGroups }))
  return { ...next, status: patch.status ?? status, stats, updatedAt: now, seatShards }
}

function withoutStatus(patch: PeriodPatch & { tasks?: DailyTask[] }): Partial<PeriodSetup> {
  const { status: _s, ...rest } = patch
  void _s
  return rest
}

/**
 * Reads, checks and replaces the period in one transaction, so a concurrent close is never overwritten; a capacity
 * change re-shares the seat shards in the same transaction (seats.ts).
 */
async function rewritePeriod(
  periodId: string,
  patch: PeriodPatch & { tasks?: DailyTask[] },
  now: number,
): Promise<{ before: StoredPeriod; after: StoredPeriod } | CampRejection> {
  forgetPeriod(periodId)
  return withTransaction(async (tx) => {
    const before = await repo.getIn(tx, PERIODS, periodId)
    if (!before) throw new TxAbort(rejectCamp('CAMP.PERIOD_NOT_FOUND'))
    const after = edited(before, patch, now)
    const { _id, status: _s, stats: _st, createdAt: _c, updatedAt: _u, seatShards: _k, boundGroups: _g, ...setup } = after
    void [_s, _st, _c, _u, _k, _g]
    const bad = checkPeriodEdit(before, setup, todayOf(before, now)) ?? unpublishBlocker(before, after, now) ?? checkGroupEntry(after)
    if (bad) throw new TxAbort(bad)
    const seatsBad = after.capacity !== before.capacity ? await resizeSeatsInTx(tx, before, after.capacity) : null
    if (seatsBad) throw new TxAbort(seatsBad)
    const { _id: _ignored, ...fields } = after
    void _ignored
    await repo.inTx(tx, PERIODS).doc(_id).set({ data: fields })
    return { before, after }
  })
}

/** A published period can go back to draft only before it starts (members joined would lose it from view). */
function unpublishBlocker(before: PeriodDoc, after: PeriodDoc, now: number): CampRejection | null {
  if (before.status === 'draft' || after.status !== 'draft') return null
  return todayOf(before, now) >= before.startDay
    ? rejectCamp('CAMP.CONFIG_INVALID', { field: 'status' }, '打卡营设置不正确：开营后不能撤回发布')
    : null
}

export async function updatePeriod(periodId: string, patch: PeriodPatch, now: number): Promise<PeriodDoc | CampRejection> {
  const out = await rewritePeriod(periodId, patch, now)
  return 'ok' in out ? out : out.after
}

export async function setTasks(periodId: string, tasks: DailyTask[], now: number): Promise<PeriodDoc | CampRejection> {
  const out = await rewritePeriod(periodId, { tasks: sortTasks(tasks) }, now)
  return 'ok' in out ? out : out.after
}
