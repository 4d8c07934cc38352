/** Download counting (layout and why in domain/materials/counters.ts). */
import { counterShardId, downloadDocId, pickShard, sumShards, type DownloadCounts } from '../../domain/materials'
import { COUNTER_SHARDS } from '../../domain/materials'
import type { EventInput } from '../../domain/identity'
import { withTransaction, type Tx } from '../../shared/db'
import { trackInTx } from '../tracking/track'
import { COUNTERS, DOWNLOADS, repo } from './store'
import { command } from '../../shared/repository'

/**
 * Counts one download and records its `material_download` event in ONE transaction: the member's own doc (read, then
 * created or incremented — its creation marks a new downloader), one random counter shard (`_.inc`) and the event.
 * All of it commits or none does, so a failed write leaves nothing half-counted and the event never exists without
 * its count (or the other way round). Two downloads of one material that pick the same shard conflict and the second
 * is retried by withTransaction; four shards keep that rare.
 */
export async function countDownloadInTx(tx: Tx, materialId: string, memberId: string, event: EventInput, now: number): Promise<void> {
  const _ = command()
  const id = downloadDocId(materialId, memberId)
  const mine = await repo.getIn(tx, DOWNLOADS, id)
  const record = { materialId, memberId, count: (mine?.count ?? 0) + 1, firstAt: mine?.firstAt ?? now, lastAt: now }
  await repo.inTx(tx, DOWNLOADS).doc(id).set({ data: record })
  await repo
    .inTx(tx, COUNTERS)
    .doc(counterShardId(materialId, pickShard(Math.random())))
    .update({ data: { downloads: _.inc(1), members: _.inc(mine ? 0 : 1) } })
  await trackInTx(tx, event, now)
}

export const countDownload = (materialId: string, memberId: string, event: EventInput, now: number): Promise<void> =>
  withTransaction((tx) => countDownloadInTx(tx, materialId, memberId, event, now))

/** Totals for a page of materials: one query over their shards. */
export async function countsOf(materialIds: readonly string[]): Promise<Map<string, DownloadCounts>> {
  if (materialIds.length === 0) return new Map()
  const _ = command()
  const res = await repo
    .col(COUNTERS)
    .where({ materialId: _.in([...materialIds]) })
    .limit(materialIds.length * COUNTER_SHARDS)
    .get()
  return sumShards(res.data)
}
