/**
 * Session capacity as seat shards `class_seats/{sessionId}~{k}` (the camp's period seats, applied to sessions).
 * Why shards and not a `taken` counter on the session: at a launch every signup for a popular session would write
 * that one document and conflict with all the others; with up to 8 shards they mostly write different documents,
 * and the total never exceeds the capacity because each shard is checked and written in the signup's transaction.
 */
import { shardCount, shareOf } from '../camp/seats'
import { type Tx } from '../../shared/db'
import { SEATS, type ClassSession, repo } from './store'
import { command } from '../../shared/repository'

export interface SeatShard {
  _id: string
  sessionId: string
  k: number
  capacity: number
  taken: number
}

export const seatShardId = (sessionId: string, k: number) => `${sessionId}~${k}`
export { shardCount }

export function newSeatShards(sessionId: string, capacity: number, shards: number): SeatShard[] {
  return Array.from({ length: shards }, (_, k) => ({
    _id: seatShardId(sessionId, k),
    sessionId,
    k,
    capacity: shareOf(capacity, shards, k),
    taken: 0,
  }))
}

/** Confirmed seats per session (one query over their shards). */
export async function takenOf(sessionIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>(sessionIds.map((id) => [id, 0]))
  if (sessionIds.length === 0) return out
  const _ = command()
  const res = await repo
    .col(SEATS)
    .where({ sessionId: _.in([...sessionIds]) })
    .limit(sessionIds.length * 8)
    .get()
  for (const s of res.data) out.set(s.sessionId, (out.get(s.sessionId) ?? 0) + s.taken)
  return out
}

/** All shards of a session inside a transaction (missing ones count as empty and full). */
export async function readShards(tx: Tx, session: ClassSession): Promise<SeatShard[]> {
  const shards: SeatShard[] = []
  for (let k = 0; k < session.seatShards; k++) {
    const s = await repo.getIn(tx, SEATS, seatShardId(session._id, k))
    if (s) shards.push(s)
  }
  return shards
}

/** Inside a signup transaction: a shard with a free seat, starting at a random one; null when the session is full. */
export async function findFreeSeat(tx: Tx, session: ClassSession): Promise<SeatShard | null> {
  const n = session.seatShards
  const start = Math.floor(Math.random() * n)
  for (let i = 0; i < n; i++) {
    const shard = await repo.getIn(tx, SEATS, seatShardId(session._id, (start + i) % n))
    if (shard && shard.taken < shard.capacity) return shard
  }
  return null
}

export async function moveSeat(tx: Tx, shard: Pick<SeatShard, '_id' | 'taken'>, delta: 1 | -1): Promise<void> {
  await repo
    .inTx(tx, SEATS)
    .doc(shard._id)
    .update({ data: { taken: Math.max(0, shard.taken + delta) } })
}
