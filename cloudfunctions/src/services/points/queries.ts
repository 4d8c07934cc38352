/** Read paths of the ledger. Each is one indexed query whatever the length of a member's history. */
import {
  decodeHistoryCursor,
  encodeHistoryCursor,
  toBalanceView,
  toHistoryPage,
  type BalanceView,
  type HistoryPage,
} from '../../contracts/points'
import { expiringSoon, type BalanceDoc, type LedgerEntry } from '../../domain/points'
import { now } from '../../shared/clock'
import { BALANCES, ENTRIES, repo } from './store'
import { expiryPolicy } from './policy'
import { command } from '../../shared/repository'

/** How far ahead the member page warns about expiring points. */
export const EXPIRY_WARNING_DAYS = 30

export async function balanceOf(memberId: string): Promise<BalanceView> {
  const balance = (await repo.get(BALANCES, memberId)) ?? undefined
  const policy = await expiryPolicy()
  if (!policy.enabled || !balance) return toBalanceView(balance, null)
  // Only with expiry on: the credits that can still expire are needed (bounded by the policy's months).
  const entries = await allEntriesOf(memberId)
  return toBalanceView(balance, expiringSoon(entries, policy, now(), EXPIRY_WARNING_DAYS))
}

/**
 * A member's entries newest first, by (`at` desc, `_id` desc) — index { memberId, at -1, _id -1 }. The cursor is
 * `at × 1000 + n`: the `at` of the last entry shown and how many entries with that same `at` were shown already
 * (entries of one transaction share their `at`), so a page boundary inside a tie neither repeats nor skips one.
 */
export async function historyOf(memberId: string, before: number | undefined, limit: number): Promise<HistoryPage> {
  const _ = command()
  const cursor = before === undefined ? null : decodeHistoryCursor(before)
  const where: Record<string, unknown> = { memberId }
  if (cursor) where.at = _.lte(cursor.at)
  const res = await repo
    .col(ENTRIES)
    .where(where)
    .orderBy('at', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1 + (cursor?.shown ?? 0))
    .get()
  const entries = res.data.slice(cursor?.shown ?? 0)
  const page = entries.slice(0, limit)
  if (entries.length <= limit || page.length === 0) return toHistoryPage(page, null)
  const last = page[page.length - 1].at
  const tied = page.filter((e) => e.at === last).length + (cursor && cursor.at === last ? cursor.shown : 0)
  return toHistoryPage(page, encodeHistoryCursor(last, tied))
}

/** Every entry of one member in ledger order (`at`, then `_id`), in pages of 1000 (jobs only: never on a member's hot path). */
export async function allEntriesOf(memberId: string): Promise<LedgerEntry[]> {
  const _ = command()
  const out: LedgerEntry[] = []
  for (;;) {
    const last = out[out.length - 1]
    // Entries at the last page's final `at` were already taken: read from that `at` on and skip them.
    const shown = last ? out.filter((e) => e.at === last.at).length : 0
    const where: Record<string, unknown> = last ? { memberId, at: _.gte(last.at) } : { memberId }
    const res = await repo
      .col(ENTRIES)
      .where(where)
      .orderBy('at', 'asc')
      .orderBy('_id', 'asc')
      .limit(PAGE + shown)
      .get()
    const page = res.data.slice(shown)
    out.push(...page)
    if (page.length < PAGE) return out
  }
}

const PAGE = 1000

/** Balance docs in `_id` order, a page at a time (for jobs). */
export async function* balancePages(pageSize = 100): AsyncGenerator<BalanceDoc[]> {
  const _ = command()
  let after: string | undefined
  for (;;) {
    const where = after === undefined ? {} : { _id: _.gt(after) }
    const res = await repo.col(BALANCES).where(where).orderBy('_id', 'asc').limit(pageSize).get()
    const page = res.data
    if (page.length) yield page
    if (page.length < pageSize) return
    after = page[page.length - 1]._id
  }
}
