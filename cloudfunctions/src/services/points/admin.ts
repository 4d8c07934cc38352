/**
 * Staff ledger actions addressed by member handle (contracts/identity.ts MemberHandleSchema): the server resolves the
 * handle to the member, so openids never travel to or from the client.
 */
import { toHistoryItem } from '../../contracts/points'
import { adjustKey, type PointsReason } from '../../domain/points'
import { reject, type Rejection } from '../../domain/kernel'
import { memberByHandle } from '../identity/directory'
import { auditTrail, entryAt } from './audit'
import { applyEntry } from './ledger'
import { reverseEntry } from './reverse'
import type { AuditPage, LedgerActionResult } from '../../contracts/results'

const memberMissing = () => reject('POINTS.MEMBER_NOT_FOUND', '学员不存在')

export async function adjustFor(
  input: { member: string; amount: number; note: string; requestId: string },
  adminId: string,
  now: number,
): Promise<LedgerActionResult | Rejection> {
  const member = await memberByHandle(input.member)
  if (!member) return memberMissing()
  const out = await applyEntry(
    {
      _id: adjustKey(input.requestId),
      memberId: member._id,
      amount: input.amount,
      reason: 'adjust',
      note: input.note,
      ref: `admin:${adminId}`,
    },
    now,
  )
  return out.ok ? { entry: toHistoryItem(out.entry), replayed: out.replayed } : out
}

/** Reverses the member's entry named by `entry` (its key); a second reversal of it answers the first (replayed). */
export async function reverseFor(
  input: { member: string; entry: string; note: string },
  now: number,
): Promise<LedgerActionResult | Rejection> {
  const member = await memberByHandle(input.member)
  if (!member) return memberMissing()
  const entry = await entryAt(member._id, input.entry)
  if (!entry) return reject('POINTS.ENTRY_NOT_FOUND', '积分记录不存在')
  const out = await reverseEntry(entry._id, input.note, now)
  return out.ok ? { entry: toHistoryItem(out.entry), replayed: out.replayed } : out
}

export async function auditFor(
  filter: { member?: string; reason?: PointsReason; before?: number },
  limit: number,
): Promise<AuditPage | Rejection> {
  if (!filter.member) return auditTrail({ reason: filter.reason, before: filter.before }, limit)
  const member = await memberByHandle(filter.member)
  if (!member) return memberMissing()
  return auditTrail({ memberId: member._id, reason: filter.reason, before: filter.before }, limit)
}
