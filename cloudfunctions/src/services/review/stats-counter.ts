/**
 * Teacher day counters (domain/review/stats-counter.ts): `_.inc` on dot paths of `review_stats/stats:{teacher}:{day}`,
 * never read-modify-write. The first review of a day finds no document (updated 0) and adds the seed, which already
 * holds its increment; if another review added it meanwhile (duplicate key) the increment is applied again.
 */
import type { StatsIncrement } from '../../domain/review'
import { db, isDuplicateKey } from '../../shared/db'
import { REVIEW_STATS } from './store'

export async function applyStatsIncrement(step: StatsIncrement): Promise<void> {
  const _ = db().command
  const data = Object.fromEntries(Object.entries(step.inc).map(([path, n]) => [path, _.inc(n)]))
  const doc = db().collection(REVIEW_STATS).doc(step.docId)
  const inc = async () => ((await doc.update({ data })) as unknown as { stats: { updated: number } }).stats.updated
  if ((await inc()) === 1) return
  try {
    await db().collection(REVIEW_STATS).add({ data: step.seed })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    await inc()
  }
}
