/**
 * A period's capacity as seat shards `{periodId}~{k}`: a join takes one seat from a shard inside its transaction, so
 * capacity holds exactly under concurrency, and a launch rush spreads over several small documents instead of one hot
 * counter on the period (the same idea as the mall's stock shards).
 */
import { reshare } from '../../domain/classes'
import { rejectCamp, type CampRejection, type PeriodDoc } from '../../domain/camp'
import type { Tx } from '../../shared/db'
import { command } from '../../shared/repository'
import { repo, SEATS } from './store'

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

async function shardsOf(periodIds: readonly string[]): Promise<SeatShard[]> {
  if (periodIds.length === 0) return []
  const _ = command()
  const res = await repo
    .col(SEATS)
    .where({ periodId: _.in([...periodIds]) })
    .limit(periodIds.length * MAX_SEAT_SHARDS)
    .get()
  return res.data
}

/** Members joined per period (sum of the shards' taken seats). */
export async function membersOf(periodIds: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = Object.fromEntries(periodIds.map((id) => [id, 0]))
  for (const s of await shardsOf(periodIds)) out[s.periodId] = (out[s.periodId] ?? 0) + s.taken
  return out
}

/**
 * New capacity after an admin edit, inside the edit's transaction: every shard is read, the new capacity may not be
 * below the seats already given (CAMP.CAPACITY_BELOW_TAKEN, nothing written), and each shard keeps its taken seats
 * with the free ones spread on top — so the shards' capacities add up to exactly `capacity` and no shard can admit a
 * member the total has no room for. A join racing the edit writes one of these shards, so one of the two transactions
 * conflicts and retries on fresh counts.
 */
export async function resizeSeatsInTx(tx: Tx, period: SeatedPeriod, capacity: number): Promise<CampRejection | null> {
  const shards: SeatShard[] = []
  for (let k = 0; k < shardsOfPeriod(period); k++) {
    const shard = await repo.getIn(tx, SEATS, seatShardId(period._id, k))
    if (shard) shards.push(shard)
  }
  const taken = shards.reduce((sum, s) => sum + s.taken, 0)
  if (capacity < taken) {
    return rejectCamp('CAMP.CAPACITY_BELOW_TAKEN', { taken }, `名额不能少于已报名的人数（已有 ${taken} 人报名）`)
  }
  const capacities = reshare(
    capacity,
    shards.map((s) => s.taken),
  )
  for (let i = 0; i < shards.length; i++) {
    await repo
      .inTx(tx, SEATS)
      .doc(shards[i]._id)
      .update({ data: { capacity: capacities[i] } })
  }
  return null
}

/**
 * How many shards a period has: fixed when it is created (stored on the period as `seatShards`, a field of this layer)
 * so a later capacity edit changes the shards' shares, never their number.
 */
export type SeatedPeriod = { _id: string; capacity: number; seatShards?: number }
/** A period as stored: the domain's document with its seat shard count. */
export type StoredPeriod = PeriodDoc & Pick<SeatedPeriod, 'seatShards'>
export const shardsOfPeriod = (p: SeatedPeriod) => p.seatShards ?? shardCount(p.capacity)

/** Inside a join transaction: a shard with a free seat, starting at a random one; null when the period is full. */
export async function findFreeSeat(tx: Tx, period: SeatedPeriod): Promise<SeatShard | null> {
  const periodId = period._id
  const n = shardsOfPeriod(period)
  const start = Math.floor(Math.random() * n)
  for (let i = 0; i < n; i++) {
    const shard = await repo.getIn(tx, SEATS, seatShardId(periodId, (start + i) % n))
    if (shard && shard.taken < shard.capacity) return shard
  }
  return null
}

export async function takeSeat(tx: Tx, shard: SeatShard): Promise<void> {
  await repo
    .inTx(tx, SEATS)
    .doc(shard._id)
    .update({ data: { taken: shard.taken + 1 } })
}
