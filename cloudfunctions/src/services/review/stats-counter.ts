/**
 * Teacher day counters (domain/review/stats-counter.ts): `_.inc` on dot paths of `review_stats/stats:{teacher}:{day}`,
 * never read-modify-write, inside the review's transaction — the counters move exactly when the review commits (a
 * failed write fails the review, which the teacher retries; a retry after a lost answer finds the review and counts
 * nothing again). The first review of a day finds no document (updated 0) and creates the seed, which already holds
 * its increment; a concurrent first review conflicts on that document and is retried by withTransaction. CloudBase
 * sources for `_.inc` in a transaction and the `updated: 0` of a missing document: test/emulator/db/transaction-inc.test.ts.
 */
import type { StatsIncrement } from '../../domain/review'
import { withoutId, type Tx } from '../../shared/db'
import { command } from '../../shared/repository'
import { updatedCount } from '../points/ledger'
import { repo, REVIEW_STATS } from './store'

export async function applyStatsIncrementInTx(tx: Tx, step: StatsIncrement): Promise<void> {
  const _ = command()
  const data = Object.fromEntries(Object.entries(step.inc).map(([path, n]) => [path, _.inc(n)]))
  const doc = repo.inTx(tx, REVIEW_STATS).doc(step.docId)
  if (updatedCount(await doc.update({ data })) === 1) return
  await doc.set({ data: withoutId(step.seed) })
}
