import type { MemberDoc } from '../identity/member'
import { newEnrollment } from './enrollment'
import type { EnrollmentDoc, EntryRule, PeriodDoc } from './model'
import { effectiveStatus, periodDay, todayOf } from './period-time'
import { rejectCamp, type CampRejection } from './rejections'

/**
 * What the caller proved about how they arrived. `groupId` is the opengid the FUNCTION resolved from a CloudID
 * (WeChat's group-enter info) — never a value the client typed.
 */
export interface EntryProof {
  inviteCode?: string
  groupId?: string | null
}

/**
 * Whether a period takes members now, before any member-specific rule (entry kind, capacity): it has not ended and
 * its join-until day has not passed. What 报名中 lists.
 */
export function joinableNow(
  period: Pick<PeriodDoc, 'status' | 'startDay' | 'lengthDays' | 'cutoffMinutes' | 'joinUntilDay'>,
  now: number,
): boolean {
  const status = effectiveStatus(period, now)
  if (status === 'open') return true
  if (status !== 'running') return false
  const where = periodDay(period, now)
  return where.kind === 'day' && (period.joinUntilDay === null || where.index <= period.joinUntilDay)
}

export const normaliseInviteCode = (code: string): string => code.trim().toUpperCase()

/**
 * Whether the member may join now. `enrollmentCount` is the period's current member count (the I/O layer keeps it
 * consistent, e.g. a counter incremented in the join transaction); `existing` is the member's enrollment if any —
 * the enrollment `_id` is still the real guard against double joins.
 */
export function canJoin(
  period: PeriodDoc,
  enrollmentCount: number,
  member: Pick<MemberDoc, '_id'>,
  proof: EntryProof,
  now: number,
  existing?: EnrollmentDoc | null,
): { ok: true; via: EntryRule['kind'] } | CampRejection {
  if (existing) return rejectCamp('CAMP.ALREADY_JOINED', { enrollmentId: existing._id })
  const status = effectiveStatus(period, now)
  if (status === 'draft') return rejectCamp('CAMP.PERIOD_DRAFT')
  if (status === 'closed') return rejectCamp('CAMP.PERIOD_CLOSED')
  if (status === 'ended') return rejectCamp('CAMP.PERIOD_ENDED')
  const where = periodDay(period, now)
  if (where.kind === 'day' && period.joinUntilDay !== null && where.index > period.joinUntilDay) {
    return rejectCamp('CAMP.JOIN_CLOSED', { joinUntilDay: period.joinUntilDay })
  }
  const entry = checkEntry(period, proof)
  if (entry) return entry
  if (enrollmentCount >= period.capacity) return rejectCamp('CAMP.FULL', { capacity: period.capacity })
  if (!member._id) throw new Error('member id is required')
  return { ok: true, via: period.entry.kind }
}

function checkEntry(period: PeriodDoc, proof: EntryProof): CampRejection | null {
  const rule = period.entry
  if (rule.kind === 'invite_code') {
    if (!proof.inviteCode?.trim()) return rejectCamp('CAMP.INVITE_CODE_REQUIRED')
    if (normaliseInviteCode(proof.inviteCode) !== normaliseInviteCode(rule.code)) return rejectCamp('CAMP.INVITE_CODE_WRONG')
  }
  if (rule.kind === 'group') {
    if (!proof.groupId) return rejectCamp('CAMP.GROUP_REQUIRED')
    if (!isFromBoundGroup(period, proof.groupId)) return rejectCamp('CAMP.GROUP_MISMATCH')
  }
  return null
}

/** The enrollment to insert (`_id` = `{periodId}:{memberId}`; a duplicate-key error means "already joined"). */
export function planJoin(
  period: PeriodDoc,
  enrollmentCount: number,
  member: Pick<MemberDoc, '_id'> & { publicId: string },
  proof: EntryProof,
  now: number,
  existing?: EnrollmentDoc | null,
): { ok: true; enrollment: EnrollmentDoc } | CampRejection {
  const verdict = canJoin(period, enrollmentCount, member, proof, now, existing)
  if (!verdict.ok) return verdict
  return {
    ok: true,
    enrollment: newEnrollment(period, { memberId: member._id, publicId: member.publicId }, verdict.via, todayOf(period, now), now),
  }
}

/** Whether a check-in was made from the period's bound group chat (the ×multiplier rule). */
export function isFromBoundGroup(period: Pick<PeriodDoc, 'boundGroups'>, groupId: string | null | undefined): boolean {
  return !!groupId && (period.boundGroups ?? []).some((g) => g.groupId === groupId)
}
