/** Read paths of the ledger. Each is one indexed query whatever the length of a member's history. */
import { toBalanceView, toHistoryPage, type BalanceView, type HistoryPage } from '../../contracts/points'
import { expiringSoon, type BalanceDoc, type LedgerEntry } from '../../domain/points'
import { now } from '../../shared/clock'
import { db, getOrNull } from '../../shared/db'
import { BALANCES, ENTRIES } from './ledger'
import { expiryPolicy } from './policy'

/** How far ahead the member page warns about expiring points. */
export const EXPIRY_WARNING_DAYS = 30

export async function balanceOf(memberId: string): Promise<BalanceView> {
  const balance = (await getOrNull<BalanceDoc>(BALANCES, memberId)) ?? undefined
  const policy = await expiryPolicy()
  if (!policy.enabled || !balance) return toBalanceView(balance, null)
  // Only with expiry on: the credits that can still expire are needed (bounded by the policy's months).
  const entries = await allEntriesOf(memberId)
  return toBalanceView(balance, expiringSoon(entries, policy, now(), EXPIRY_WARNING_DAYS))
}

export async function historyOf(memberId: string, before: number | undefined, limit: number): Promise<HistoryPage> {
  const _ = db().command
  const where: Record<string, unknown> = { memberId }
  if (before !== undefined) where.seq = _.lt(before)
  const res = await db()
    .collection(ENTRIES)
    .where(where)
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .get()
  return toHistoryPage(res.data as unknown as LedgerEntry[], limit)
}

/** Every entry of one member, oldest first, in pages of 1000 (jobs only: never on a member's hot path). */
export async function allEntriesOf(memberId: string): Promise<LedgerEntry[]> {
  const _ = db().command
  const out: LedgerEntry[] = []
  for (;;) {
    const where: Record<string, unknown> = { memberId }
    if (out.length) where.seq = _.gt(out[out.length - 1].seq)
    const res = await db().collection(ENTRIES).where(where).orderBy('seq', 'asc').limit(1000).get()
    const page = res.data as unknown as LedgerEntry[]
    out.push(...page)
    if (page.length < 1000) return out
  }
}

/** Balance docs in `_id` order, a page at a time (for jobs). */
export async function* balancePages(pageSize = 100): AsyncGenerator<BalanceDoc[]> {
  const _ = db().command
  let after: string | undefined
  for (;;) {
    const where = after === undefined ? {} : { _id: _.gt(after) }
    const res = await db().collection(BALANCES).where(where).orderBy('_id', 'asc').limit(pageSize).get()
    const page = res.data as unknown as BalanceDoc[]
    if (page.length) yield page
    if (page.length < pageSize) return
    after = page[page.length - 1]._id
  }
}
