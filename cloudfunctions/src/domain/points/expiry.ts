import { expireKey, parseKey } from './idempotency'
import type { BalanceDoc, EntryRequest, LedgerEntry } from './ledger'
import { addMonths, lastDayOf, monthEndExclusive, shanghaiMonth } from './months'

/**
 * Optional per-company expiry (off by default): points credited in month M expire at the end of month M + N
 * (Asia/Shanghai). Every credit is a bucket; debits consume the oldest unexpired buckets first. A bucket is
 * expired from its deadline on, whether or not the timer has written its expiry entry yet ("pending"): the
 * deadline is the truth, the expiry entry only records it. A debit larger than what is unexpired (possible while
 * the timer is late) takes the rest from pending expiry, so the later expiry entry never overdraws the balance.
 * Credits that give points back (refunds, reversals of debits, positive adjustments) start a new bucket.
 */
export interface ExpiryPolicy {
  enabled: boolean
  /** N: whole months after the month of earning; 1..120. */
  months: number
}

export const EXPIRY_OFF: ExpiryPolicy = Object.freeze({ enabled: false, months: 12 })

export interface ExpiringBucket {
  /** `YYYY-MM`: the month at whose end these points expire. */
  month: string
  /** First instant after the deadline (epoch ms). */
  expiresAt: number
  /** `YYYY-MM-DD`, the last day the points can still be used (for 「将于 x 月 x 日过期」). */
  lastDay: string
  amount: number
  /** Past the deadline but the expiry entry is not written yet. */
  overdue: boolean
}

export interface ExpiringSoon {
  amount: number
  buckets: ExpiringBucket[]
}

interface LiveBucket {
  month: string
  expiresAt: number
  remaining: number
}

interface ExpiryReplay {
  live: LiveBucket[]
  pending: Map<string, number>
  written: Set<string>
}

export function expiryMonthOf(earnedAt: number, policy: ExpiryPolicy): string {
  return addMonths(shanghaiMonth(earnedAt), policy.months)
}

/** Entries in ledger order: by `at`, then `_id` (entries of one transaction share `at`). */
export function ledgerOrder(a: Pick<LedgerEntry, 'at' | '_id'>, b: Pick<LedgerEntry, 'at' | '_id'>): number {
  return a.at - b.at || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
}

/**
 * Ledger order, except that entries sharing one millisecond are put in the order their `balanceAfter` proves: two
 * transactions of one member can commit in the same ms (a redeem, then the expiry job, then a blind credit), and
 * `_id` order would replay the credit before the redeem, so the redeem took the new credit instead of the overdue
 * points the job had already counted (the buckets then missed points the balance holds). Within such a group the
 * order is the first (trying, at each step, entries whose `balanceAfter` matches the running balance, then blind
 * credits without one, each in ledger order) in which EVERY entry that carries a `balanceAfter` matches: choosing
 * the first local match is not enough — a redeem of 101, credits of 7 and 94 and an expiry of 1 at one instant, from
 * a balance of 102, let the expiry match first (102 − 1 = its 101) and leave the rest unmatchable (fast-check found
 * it). The running balance is the sum of all earlier entries (the member's whole ledger is replayed). A group with
 * no such order (or one too large to search) falls back to the step-by-step choice: a match, else a blind credit,
 * else the next in ledger order.
 */
export function replayOrder(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const sorted = [...entries].sort(ledgerOrder)
  const out: LedgerEntry[] = []
  let balance = 0
  for (let i = 0; i < sorted.length;) {
    let j = i + 1
    while (j < sorted.length && sorted[j].at === sorted[i].at) j++
    const group = sorted.slice(i, j)
    const ordered = (group.length > 1 && group.length <= MAX_PROVEN_GROUP && provenOrder(group, balance)) || stepwiseOrder(group, balance)
    for (const e of ordered) {
      out.push(e)
      balance += e.amount
    }
    i = j
  }
  return out
}

/** Same-millisecond groups up to this size are searched for an order every balanceAfter proves (real groups are 2–4). */
const MAX_PROVEN_GROUP = 8

const matches = (e: LedgerEntry, balance: number) => e.balanceAfter !== undefined && balance + e.amount === e.balanceAfter

/** The first order in which every entry carrying a balanceAfter matches the running balance, or null. */
function provenOrder(group: readonly LedgerEntry[], start: number): LedgerEntry[] | null {
  const used = group.map(() => false)
  const out: LedgerEntry[] = []
  const search = (balance: number): boolean => {
    if (out.length === group.length) return true
    for (const fits of [(e: LedgerEntry) => matches(e, balance), (e: LedgerEntry) => e.balanceAfter === undefined])
      for (let k = 0; k < group.length; k++) {
        if (used[k] || !fits(group[k])) continue
        used[k] = true
        out.push(group[k])
        if (search(balance + group[k].amount)) return true
        out.pop()
        used[k] = false
      }
    return false
  }
  return search(start) ? out : null
}

/** One entry at a time: the first whose balanceAfter matches, else a blind credit, else the next in ledger order. */
function stepwiseOrder(group: readonly LedgerEntry[], start: number): LedgerEntry[] {
  const left = [...group]
  const out: LedgerEntry[] = []
  let balance = start
  while (left.length > 0) {
    let k = left.findIndex((e) => matches(e, balance))
    if (k < 0) k = left.findIndex((e) => e.balanceAfter === undefined)
    if (k < 0) k = 0
    const [next] = left.splice(k, 1)
    out.push(next)
    balance += next.amount
  }
  return out
}

/**
 * Replays one member's entries (in ledger order, ties by balanceAfter: see replayOrder) up to `now`. O(entries) except for rare
 * out-of-order deadlines. Two transactions of one member never interleave (both write the balance doc, so one waits
 * for or conflicts with the other); their `at` can differ from their commit order only by the time a transaction
 * takes, which moves at most that sliver of points between adjacent buckets — planExpiry never takes more than
 * the balance holds, whatever the order.
 */
export function replayExpiry(entries: readonly LedgerEntry[], policy: ExpiryPolicy, now: number): ExpiryReplay {
  assertPolicy(policy)
  const members = new Set(entries.map((e) => e.memberId))
  if (members.size > 1) throw new Error('expiry replays one member at a time')
  const state: ExpiryReplay = { live: [], pending: new Map(), written: new Set() }
  let head = 0
  const expireDue = (t: number) => {
    for (; head < state.live.length && state.live[head].expiresAt <= t; head++) {
      const bucket = state.live[head]
      if (bucket.remaining > 0) state.pending.set(bucket.month, (state.pending.get(bucket.month) ?? 0) + bucket.remaining)
      bucket.remaining = 0
    }
  }
  const takeLive = (amount: number): number => {
    for (let i = head; i < state.live.length && amount > 0; i++) {
      const used = Math.min(amount, state.live[i].remaining)
      state.live[i].remaining -= used
      amount -= used
    }
    return amount
  }
  for (const entry of replayOrder(entries)) {
    expireDue(entry.at)
    if (entry.amount > 0) {
      const month = expiryMonthOf(entry.at, policy)
      insertSorted(state.live, head, { month, expiresAt: monthEndExclusive(month), remaining: entry.amount })
    } else if (entry.reason === 'expire') {
      const month = expiredMonthOf(entry)
      state.written.add(month)
      takeLive(takePending(state.pending, -entry.amount, month))
    } else {
      takePending(state.pending, takeLive(-entry.amount))
    }
  }
  expireDue(now)
  return state
}

/** What will expire (and what is overdue), per deadline month, ascending. Empty when the policy is off. */
export function expiringBuckets(entries: readonly LedgerEntry[], policy: ExpiryPolicy, now: number): ExpiringBucket[] {
  if (!policy.enabled) return []
  const { live, pending, written } = replayExpiry(entries, policy, now)
  const byMonth = new Map<string, { amount: number; overdue: boolean }>()
  for (const [month, amount] of pending) if (amount > 0 && !written.has(month)) byMonth.set(month, { amount, overdue: true })
  for (const bucket of live) {
    if (bucket.remaining <= 0) continue
    const prior = byMonth.get(bucket.month)
    byMonth.set(bucket.month, { amount: (prior?.amount ?? 0) + bucket.remaining, overdue: prior?.overdue ?? false })
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, { amount, overdue }]) => ({ month, expiresAt: monthEndExclusive(month), lastDay: lastDayOf(month), amount, overdue }))
}

/** For 我的积分: what expires within `withinDays` days from `now` (overdue included), and the total. */
export function expiringSoon(entries: readonly LedgerEntry[], policy: ExpiryPolicy, now: number, withinDays: number): ExpiringSoon {
  if (!Number.isInteger(withinDays) || withinDays < 0) throw new RangeError('withinDays must be a non-negative integer')
  const horizon = now + withinDays * 24 * 60 * 60 * 1000
  const buckets = expiringBuckets(entries, policy, now).filter((b) => b.expiresAt <= horizon)
  return { amount: buckets.reduce((sum, b) => sum + b.amount, 0), buckets }
}

/**
 * The expiry entries the timer should write now for this member: one per past-due month not yet written, keyed
 * `expire:{member}:{month}` (re-running writes nothing new). Apply them in order with planEntry.
 */
export function planExpiry(
  entries: readonly LedgerEntry[],
  balance: BalanceDoc | undefined,
  policy: ExpiryPolicy,
  now: number,
): EntryRequest[] {
  if (!policy.enabled || !balance) return []
  const { pending, written } = replayExpiry(
    entries.filter((e) => e.memberId === balance._id),
    policy,
    now,
  )
  let available = balance.balance
  const requests: EntryRequest[] = []
  for (const month of [...pending.keys()].sort()) {
    const amount = Math.min(pending.get(month) ?? 0, available)
    if (written.has(month) || amount <= 0) continue
    available -= amount
    requests.push({ _id: expireKey(balance._id, month), memberId: balance._id, amount: -amount, reason: 'expire', ref: month })
  }
  return requests
}

function takePending(pending: Map<string, number>, amount: number, firstMonth?: string): number {
  const months = [...pending.keys()].sort()
  const order = firstMonth ? [firstMonth, ...months.filter((m) => m !== firstMonth)] : months
  for (const month of order) {
    if (amount <= 0) break
    const used = Math.min(amount, pending.get(month) ?? 0)
    pending.set(month, (pending.get(month) ?? 0) - used)
    amount -= used
  }
  return amount
}

/** Keeps live buckets ordered by deadline; new credits almost always belong at the end. */
function insertSorted(live: LiveBucket[], head: number, bucket: LiveBucket): void {
  let i = live.length
  while (i > head && live[i - 1].expiresAt > bucket.expiresAt) i--
  live.splice(i, 0, bucket)
}

function expiredMonthOf(entry: LedgerEntry): string {
  if (entry.ref && /^\d{4}-\d{2}$/.test(entry.ref)) return entry.ref
  const parsed = parseKey(entry._id)
  return parsed?.kind === 'expire' ? parsed.parts[1] : shanghaiMonth(entry.at)
}

function assertPolicy(policy: ExpiryPolicy): void {
  if (!Number.isInteger(policy.months) || policy.months < 1 || policy.months > 120) throw new RangeError('policy.months must be 1..120')
}
