/** Download counting (layout and why in domain/materials/counters.ts). */
import { counterShardId, downloadDocId, pickShard, sumShards, type CounterShard, type DownloadCounts } from '../../domain/materials'
import { COUNTER_SHARDS } from '../../domain/materials'
import { db, isDuplicateKey } from '../../shared/db'
import { COUNTERS, DOWNLOADS } from './store'

/**
 * Counts one download: the member's own doc first (its first insert marks a new member), then one random shard.
 * Plain `_.inc` writes, no transaction: concurrent downloads never conflict, and a crash between the two writes
 * loses at most one count, which is acceptable for a statistic.
 */
export async function countDownload(materialId: string, memberId: string, now: number): Promise<void> {
  const _ = db().command
  const id = downloadDocId(materialId, memberId)
  let firstTime = true
  try {
    await db()
      .collection(DOWNLOADS)
      .add({ data: { _id: id, materialId, memberId, count: 1, firstAt: now, lastAt: now } })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    firstTime = false
    await db()
      .collection(DOWNLOADS)
      .doc(id)
      .update({ data: { count: _.inc(1), lastAt: now } })
  }
  await db()
    .collection(COUNTERS)
    .doc(counterShardId(materialId, pickShard(Math.random())))
    .update({ data: { downloads: _.inc(1), members: _.inc(firstTime ? 1 : 0) } })
}

/** Totals for a page of materials: one query over their shards. */
export async function countsOf(materialIds: readonly string[]): Promise<Map<string, DownloadCounts>> {
  if (materialIds.length === 0) return new Map()
  const _ = db().command
  const res = await db()
    .collection(COUNTERS)
    .where({ materialId: _.in([...materialIds]) })
    .limit(materialIds.length * COUNTER_SHARDS)
    .get()
  return sumShards(res.data as unknown as CounterShard[])
}
