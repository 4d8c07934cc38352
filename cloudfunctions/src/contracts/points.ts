import { z } from 'zod'
import {
  ENTRY_KEY_PATTERN,
  MAX_ENTRY_AMOUNT,
  MAX_KEY_LENGTH,
  MAX_KEY_PART_LENGTH,
  POINTS_REASONS,
  reasonLabel,
  type BalanceDoc,
  type ExpiringBucket,
  type LedgerEntry,
  type PointsReason,
} from '../domain/points'
import { EpochMsSchema } from './calendar'
import { MemberHandleSchema } from './identity'

/** Inputs of the `points` function (parsed at the handler) and the views its pages render. */

export const KeyPartSchema = z
  .string()
  .min(1)
  .max(MAX_KEY_PART_LENGTH)
  .regex(/^[A-Za-z0-9_.-]+$/)
export const EntryIdSchema = z
  .string()
  .min(3)
  .max(MAX_KEY_LENGTH)
  .regex(/^[a-z_]+(:[A-Za-z0-9_.-]+)+$/)
/** Made once per form or confirm screen by the client (a uuid fits), so retries and double taps share it. */
export const RequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,36}$/)
export const AmountSchema = z
  .number()
  .int()
  .refine((a) => a !== 0, '积分数量不能为 0')
  .refine((a) => Math.abs(a) <= MAX_ENTRY_AMOUNT, `单次不超过 ${MAX_ENTRY_AMOUNT} 积分`)
export const ReasonSchema = z.enum(POINTS_REASONS)
/** An admin's adjustment or reversal must say why (shown in the audit trail). */
export const AdminNoteSchema = z.string().trim().min(2).max(100)
export const PageLimitSchema = z.number().int().min(1).max(50).default(20)
/**
 * History pages go backwards in time: pass the page's `nextBefore` to get older ones. It is `at × 1000 + n` (the last
 * entry's epoch ms and how many entries of that same ms were shown), an integer below 2^53 for any date before 2200.
 */
export const HistoryCursorSchema = z
  .number()
  .int()
  .min(0)
  .max(7_258_118_400_000 * 1000)

const TIES = 1000

export const encodeHistoryCursor = (at: number, shown: number): number => at * TIES + Math.min(shown, TIES - 1)
export const decodeHistoryCursor = (cursor: number): { at: number; shown: number } => ({
  at: Math.floor(cursor / TIES),
  shown: cursor % TIES,
})

export const ExpiryPolicySchema = z.object({ enabled: z.boolean(), months: z.number().int().min(1).max(120) }).strict()

export const PointsBalanceRequest = z.object({ action: z.literal('balance') }).strict()
export const PointsHistoryRequest = z
  .object({ action: z.literal('history'), before: HistoryCursorSchema.optional(), limit: PageLimitSchema })
  .strict()
/** Staff name the member by the handle a member search answered (contracts/identity.ts), never an openid. */
export const PointsAdjustRequest = z
  .object({
    action: z.literal('adjust'),
    member: MemberHandleSchema,
    amount: AmountSchema,
    note: AdminNoteSchema,
    requestId: RequestIdSchema,
  })
  .strict()
/** The entry to reverse is named by an audit row's member handle and entry key (`{at}.{tag}`, domain/points/entry-key.ts). */
export const PointsReverseRequest = z
  .object({ action: z.literal('reverse'), member: MemberHandleSchema, entry: z.string().regex(ENTRY_KEY_PATTERN), note: AdminNoteSchema })
  .strict()
export const PointsAuditRequest = z
  .object({
    action: z.literal('audit'),
    member: MemberHandleSchema.optional(),
    reason: ReasonSchema.optional(),
    before: EpochMsSchema.optional(),
    limit: PageLimitSchema,
  })
  .strict()
export const PointsReconcileRequest = z.object({ action: z.literal('reconcile'), memberId: KeyPartSchema.optional() }).strict()

export const PointsRequest = z.discriminatedUnion('action', [
  PointsBalanceRequest,
  PointsHistoryRequest,
  PointsAdjustRequest,
  PointsReverseRequest,
  PointsAuditRequest,
  PointsReconcileRequest,
])
export type PointsRequest = z.infer<typeof PointsRequest>

export interface ExpiringView {
  month: string
  /** `YYYY-MM-DD`: the last day the points can be used. */
  lastDay: string
  amount: number
}

export interface BalanceView {
  balance: number
  earned: number
  spent: number
  /** Null when the company's expiry policy is off. */
  expiring: { amount: number; buckets: ExpiringView[] } | null
}

export interface HistoryItem {
  id: string
  amount: number
  reason: PointsReason
  /** Chinese, e.g. 打卡奖励. */
  reasonLabel: string
  note?: string
  at: number
  /** The balance right after it, where the entry recorded one (spends, refunds, reversals; not blind credits). */
  balanceAfter?: number
}

export interface HistoryPage {
  items: HistoryItem[]
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: number | null
}

/**
 * What staff see in the audit trail: who (a name, and the handle to act on them), and what the entry refers to in
 * words. `id` is `{handle}.{key}`: ledger ids hold openids, so they stay on the server.
 */
export interface AuditItem extends HistoryItem {
  /** The entry's key for a reversal (`{at}.{tag}`). */
  key: string
  member: { handle: string; nickname: string }
  /** E.g. 操作人 运营小王, 冲正「打卡奖励」+10; absent when the reason says it all. */
  refLabel?: string
  /** Already reversed by a later entry. */
  reversed: boolean
  /** May be reversed now (not a reversal, redemption or refund, and not reversed yet). */
  reversible: boolean
}

/**
 * Picks the entry's own fields, never spreads it: a stored entry may carry another feature's record (a redeem entry
 * holds its order under `order`, the member's shipping address included; schema/collections.ts EntryAttachments),
 * which no points view sends.
 */
export function toHistoryItem(entry: LedgerEntry): HistoryItem {
  const item: HistoryItem = {
    id: entry._id,
    amount: entry.amount,
    reason: entry.reason,
    reasonLabel: reasonLabel(entry.reason),
    at: entry.at,
  }
  if (entry.balanceAfter !== undefined) item.balanceAfter = entry.balanceAfter
  return entry.note ? { ...item, note: entry.note } : item
}

/** One page of entries, newest first, and the cursor of the next (older) page, null at the end. */
export function toHistoryPage(page: readonly LedgerEntry[], nextBefore: number | null): HistoryPage {
  return { items: page.map(toHistoryItem), nextBefore }
}

export function toBalanceView(
  balance: BalanceDoc | undefined,
  expiring: { amount: number; buckets: ExpiringBucket[] } | null,
): BalanceView {
  return {
    balance: balance?.balance ?? 0,
    earned: balance?.earned ?? 0,
    spent: balance?.spent ?? 0,
    expiring: expiring && {
      amount: expiring.amount,
      buckets: expiring.buckets.map(({ month, lastDay, amount }) => ({ month, lastDay, amount })),
    },
  }
}
