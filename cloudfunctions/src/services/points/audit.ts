/**
 * The staff audit trail: ledger entries newest first with the member's name, a human label for what the entry refers
 * to, and whether it can still be reversed. Openids and ledger ids stay here; rows carry the member's handle and the entry key.
 */
import { toHistoryItem, type AuditItem } from '../../contracts/points'
import type { MemberPick } from '../../contracts/identity'
import {
  entryKeyOf,
  entryTagOf,
  parseEntryKey,
  reasonLabel,
  reversalIdOf,
  reversalRefusal,
  type LedgerEntry,
  type PointsReason,
} from '../../domain/points'
import { picksOf } from '../identity/directory'
import { ENTRIES, repo } from './store'
import { command } from '../../shared/repository'
import type { AuditPage } from '../../contracts/results'

const ADMIN_REF = /^admin:(.+)$/
const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`)

/** What the entry's `ref` means, in words (the reason label already names the kind). */
export function refLabelOf(
  entry: Pick<LedgerEntry, 'reason' | 'ref'>,
  names: ReadonlyMap<string, MemberPick>,
  originals: ReadonlyMap<string, LedgerEntry>,
): string | undefined {
  if (!entry.ref) return undefined
  const admin = ADMIN_REF.exec(entry.ref)
  if (entry.reason === 'adjust' && admin) return `操作人 ${names.get(admin[1])?.nickname ?? '运营'}`
  if (entry.reason === 'reversal') {
    const original = originals.get(entry.ref)
    return original ? `冲正「${reasonLabel(original.reason)}」${signed(original.amount)}` : '冲正一笔记录'
  }
  const WORDS: Partial<Record<PointsReason, string>> = {
    redeem: '商城兑换订单',
    refund: '取消兑换订单',
    unlock: '学习资料',
    class_signup: '免费课报名',
    invite_reward: '好友完成首次打卡或报名',
    makeup: '补卡',
  }
  return WORDS[entry.reason]
}

export async function auditTrail(filter: { memberId?: string; reason?: PointsReason; before?: number }, limit: number): Promise<AuditPage> {
  const _ = command()
  const where: Record<string, unknown> = {}
  if (filter.memberId) where.memberId = filter.memberId
  if (filter.reason) where.reason = filter.reason
  if (filter.before !== undefined) where.at = _.lt(filter.before)
  const res = await repo
    .col(ENTRIES)
    .where(where)
    .orderBy('at', 'desc')
    .limit(limit + 1)
    .get()
  const entries = res.data
  const page = entries.slice(0, limit)
  const admins = page.map((e) => (e.reason === 'adjust' && e.ref ? ADMIN_REF.exec(e.ref)?.[1] : undefined)).filter((id) => !!id)
  const originalIds = page.filter((e) => e.reason === 'reversal' && e.ref).map((e) => e.ref as string)
  const [names, originals, reversals] = await Promise.all([
    picksOf([...page.map((e) => e.memberId), ...(admins as string[])]),
    repo.byIds(ENTRIES, originalIds),
    // Only entries that may be reversed have a reversal key (a reversal's own key would nest one level too deep).
    repo.byIds(ENTRIES, page.filter((e) => !reversalRefusal(e)).map(reversalIdOf)),
  ])
  const items = page.map((entry): AuditItem => {
    const pick = names.get(entry.memberId)
    const handle = pick?.handle ?? ''
    const refusable = !!reversalRefusal(entry)
    const reversed = !refusable && reversals.has(reversalIdOf(entry))
    const refLabel = refLabelOf(entry, names, originals)
    const item: AuditItem = {
      ...toHistoryItem(entry),
      id: `${handle}.${entryKeyOf(entry)}`,
      key: entryKeyOf(entry),
      member: { handle, nickname: pick?.nickname ?? '学员' },
      reversed,
      reversible: !reversed && !refusable,
    }
    return refLabel ? { ...item, refLabel } : item
  })
  return { items, nextBefore: entries.length > limit ? page[page.length - 1].at : null }
}

/** The member's entry named by `key` (its millisecond through index member_at_id, then its tag), or null. */
export async function entryAt(memberId: string, key: string): Promise<LedgerEntry | null> {
  const parsed = parseEntryKey(key)
  if (!parsed) return null
  const res = await repo.col(ENTRIES).where({ memberId, at: parsed.at }).limit(100).get()
  return res.data.find((e) => entryTagOf(e._id) === parsed.tag) ?? null
}
