/**
 * What the ledger must hold, written here from the points rules alone (it imports no effect, reason table or plan
 * from the implementation):
 *   - the balance is the sum of a member's entries; 累计获得 (earned) sums the earning entries (rewards and admin
 *     adjustments), 累计消耗 (spent) sums what was paid out (redeem, make-up, unlock, expiry) less what a refund gave
 *     back; a reversal moves the total its original moved, the other way;
 *   - rewards are positive; redeem, make-up, unlock and expiry are negative; a refund is positive; an adjustment and a
 *     reversal may be either;
 *   - nothing may take the balance, earned or spent below zero;
 *   - one key, one entry: the same request again answers with the first entry, other content under it is a conflict;
 *   - a reversal is keyed `reversal:{original key}`; reversals, redemptions and refunds are never reversed.
 */
import type { EntryRequest } from '@cloud/domain/points'

type Total = 'earned' | 'spent'

const REWARDS = ['checkin', 'streak_bonus', 'completion', 'featured', 'group_bonus', 'invite_reward', 'class_signup']
const PAYMENTS = ['redeem', 'makeup', 'unlock', 'expire']

export interface OracleEntry {
  key: string
  memberId: string
  amount: number
  reason: string
  ref?: string
  /** Which total the entry moves. */
  total: Total
}

export type Expected = { outcome: 'applied' } | { outcome: 'replayed'; key: string } | { outcome: 'rejected'; code: string }

export interface Sums {
  balance: number
  earned: number
  spent: number
  count: number
}

function totalOf(reason: string): Total | undefined {
  if (REWARDS.includes(reason) || reason === 'adjust') return 'earned'
  if (PAYMENTS.includes(reason) || reason === 'refund') return 'spent'
  return undefined
}

function signAllowed(reason: string, amount: number): boolean {
  if (REWARDS.includes(reason) || reason === 'refund') return amount > 0
  if (PAYMENTS.includes(reason)) return amount < 0
  return reason === 'adjust' && amount !== 0
}

export class LedgerOracle {
  private readonly entries: OracleEntry[] = []

  sums(memberId: string): Sums {
    const mine = this.entries.filter((e) => e.memberId === memberId)
    const sumOf = (list: OracleEntry[]) => list.reduce((s, e) => s + e.amount, 0)
    return {
      balance: sumOf(mine),
      earned: sumOf(mine.filter((e) => e.total === 'earned')),
      // paying out is a negative amount; 累计消耗 is shown as a positive number
      spent: 0 - sumOf(mine.filter((e) => e.total === 'spent')),
      count: mine.length,
    }
  }

  entry(key: string): OracleEntry | undefined {
    return this.entries.find((e) => e.key === key)
  }

  get size(): number {
    return this.entries.length
  }

  /** What sending `request` must do; records the entry when it is applied. */
  send(request: EntryRequest): Expected {
    if (request.reason === 'reversal' || !totalOf(request.reason)) return { outcome: 'rejected', code: 'POINTS.INVALID_REASON' }
    if (!signAllowed(request.reason, request.amount)) return { outcome: 'rejected', code: 'POINTS.REASON_SIGN' }
    const first = this.entry(request._id)
    if (first) {
      const same =
        first.memberId === request.memberId &&
        first.amount === request.amount &&
        first.reason === request.reason &&
        (first.ref ?? null) === (request.ref ?? null)
      return same ? { outcome: 'replayed', key: first.key } : { outcome: 'rejected', code: 'POINTS.KEY_CONFLICT' }
    }
    const entry: OracleEntry = {
      key: request._id,
      memberId: request.memberId,
      amount: request.amount,
      reason: request.reason,
      total: totalOf(request.reason) as Total,
      ...(request.ref === undefined ? {} : { ref: request.ref }),
    }
    return this.append(entry)
  }

  /** What reversing the entry stored under `key` must do (undefined: no such entry, nothing happens). */
  reverse(key: string): Expected | undefined {
    const original = this.entry(key)
    if (!original) return undefined
    if (['reversal', 'redeem', 'refund'].includes(original.reason)) return { outcome: 'rejected', code: 'POINTS.NOT_REVERSIBLE' }
    const reversalKey = `reversal:${key}`
    if (this.entry(reversalKey)) return { outcome: 'replayed', key: reversalKey }
    return this.append({
      key: reversalKey,
      memberId: original.memberId,
      amount: -original.amount,
      reason: 'reversal',
      ref: key,
      total: original.total,
    })
  }

  private append(entry: OracleEntry): Expected {
    const after = this.sums(entry.memberId)
    const moved = { ...after, balance: after.balance + entry.amount }
    if (entry.total === 'earned') moved.earned += entry.amount
    else moved.spent -= entry.amount
    if (moved.balance < 0) return { outcome: 'rejected', code: 'POINTS.INSUFFICIENT' }
    if (moved.earned < 0 || moved.spent < 0) return { outcome: 'rejected', code: 'POINTS.INVALID_AMOUNT' }
    this.entries.push(entry)
    return { outcome: 'applied' }
  }
}
