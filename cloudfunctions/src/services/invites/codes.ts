/**
 * A member's invite code, created once. The code is the `_id` (a collision is a duplicate key) and `memberId`
 * has a unique index (two first calls of one member race to a duplicate key too): either way, read back by member.
 */
import { generateInviteCode, type InviteCodeDoc } from '../../domain/invites'
import { isDuplicateKey } from '../../shared/db'
import { CODES, repo } from './store'

const ATTEMPTS = 5

export async function codeOf(memberId: string): Promise<string | null> {
  const res = await repo.col(CODES).where({ memberId }).limit(1).get()
  return res.data[0]?._id ?? null
}

export async function ensureCode(memberId: string, now: number, random: () => number = Math.random): Promise<string> {
  const known = await codeOf(memberId)
  if (known) return known
  for (let i = 0; i < ATTEMPTS; i++) {
    const doc: InviteCodeDoc = { _id: generateInviteCode(random), memberId, createdAt: now }
    try {
      await repo.col(CODES).add({ data: doc })
      return doc._id
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      const winner = await codeOf(memberId)
      if (winner) return winner
      // Another member holds that code: draw again.
    }
  }
  throw new Error(`no free invite code after ${ATTEMPTS} attempts`)
}
