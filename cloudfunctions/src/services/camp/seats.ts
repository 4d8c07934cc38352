/**
 * A period's capacity as seat shards `{periodId}~{k}`: a join takes one seat from a shard inside its transaction, so
 * capacity holds exactly under concurrency, and a launch rush spreads over several small documents instead of one hot
 * counter on the period (the same idea as the mall's stock shards).
 */
import { db, txGet, type Tx } from '../../shared/db'
import { SEATS } from './store'

export interface SeatShard {
  _id: string
  periodId: string
  k: number
  capacity: number
  taken: number
}

export const MAX_SEAT_SHARDS = 8
export const seatShardId = (periodId: string, k: number) => `${periodId}~${k}`
export const shardCount = (capacity: number) => Math.max(1, Math.min(MAX_SEAT_SHARDS, capacity))

/** Shard k's part of `capacity` over `shards` shards (the first ones take the remainder). */
export const shareOf = (capacity: number, shards: number, k: number) => Math.floor(capacity / shards) + (k < capacity % shards ? 1 : 0)

export function newSeatShards(periodId: string, capacity: number): SeatShard[] {
  const n = shardCount(capacity)
  return Array.from({ length: n }, (_, k) => ({ _id: seatShardId(periodId, k), periodId, k, capacity: shareOf(capacity, n, k), taken: 0 }))
}

export async function createSeats(periodId: string, capacity: number): Promise<void> {
  await db()
    .collection(SEATS)
    .add({ data: newSeatShards(periodId, capacity) })
}

async function shardsOf(periodIds: readonly string[]): Promise<SeatShard[]> {
  if (periodIds.length === 0) return []
  const _ = db().command
  const res = (await db()
    .collection(SEATS)
    .where({ periodId: _.in([...periodIds]) })
    .limit(periodIds.length * MAX_SEAT_SHARDS)
    .get()) as unknown as { data: SeatShard[] }
  return res.data
}

/** Members joined per period (sum of the shards' taken seats). */
export async function membersOf(periodIds: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = Object.fromEntries(periodIds.map((id) => [id, 0]))
  for (const s of await shardsOf(periodIds)) out[s.periodId] = (out[s.periodId] ?? 0) + s.taken
  return out
}

/**
 * New capacity after an admin edit: each shard gets its share again. A shard already over its new share simply stays
 * full; the total never admits more than `capacity` (seats taken earlier are kept).
 */
export async function resizeSeats(periodId: string, capacity: number): Promise<void> {
  const shards = await shardsOf([periodId])
  const n = shards.length
  await Promise.all(
    shards.map((s) =>
      db()
        .collection(SEATS)
        .doc(s._id)
        .update({ data: { capacity: shareOf(capacity, n, s.k) } }),
    ),
  )
}

/**
 * How many shards a period has: fixed when it is created (stored on the period as `seatShards`, a field of this layer)
 * so a later capacity edit changes the shards' shares, never their number.
 */
export type SeatedPeriod = { _id: string; capacity: number; seatShards?: number }
export const shardsOfPeriod = (p: SeatedPeriod) => p.seatShards ?? shardCount(p.capacity)

/** Inside a join transaction: a shard with a free seat, starting at a random one; null when the period is full. */
export async function findFreeSeat(tx: Tx, period: SeatedPeriod): Promise<SeatShard | null> {
  const periodId = period._id
  const n = shardsOfPeriod(period)
  const start = Math.floor(Math.random() * n)
  for (let i = 0; i < n; i++) {
    const shard = await txGet<SeatShard>(tx, SEATS, seatShardId(periodId, (start + i) % n))
    if (shard && shard.taken < shard.capacity) return shard
  }
  return null
}

export async function takeSeat(tx: Tx, shard: SeatShard): Promise<void> {
  await tx
    .collection(SEATS)
    .doc(shard._id)
    .update({ data: { taken: shard.taken + 1 } })
}
