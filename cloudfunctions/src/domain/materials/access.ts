import type { SignupStatus } from '../classes'
import { unlockKey } from '../points/idempotency'
import type { EntryRequest } from '../points/ledger'
import type { Rejection } from '../kernel'
import { rejectMaterial, type MaterialCode } from './rejections'
import { unlockRecordId, type AccessVia, type MaterialDoc, type UnlockDoc, type UnlockRule } from './model'

/** Signup statuses that count for a `signup` rule: the member is (or was) really in the class. */
export const QUALIFYING_SIGNUP_STATUSES = ['confirmed', 'attended'] as const satisfies readonly SignupStatus[]

/** What the services looked up about one member and one material before deciding. */
export interface AccessFacts {
  /** The member's unlock record for this material, if any. */
  unlock: UnlockDoc | null
  /** A fulfilled points-mall unlock order targeting this material. */
  mallUnlock: boolean
  /** A qualifying free-class signup for the rule (false when the rule is not `signup` or nothing was looked up). */
  qualifyingSignup: boolean
  /** Friends the member invited who qualified (0 when the rule is not `invites` or nothing was looked up). */
  qualifiedInvites: number
  staff: boolean
}

export type Access = { unlocked: true; via: AccessVia } | { unlocked: false }

/** Whether the member may open the material now, and why. Records win over the live rule, so a held unlock survives rule edits. */
export function accessOf(material: Pick<MaterialDoc, 'rule'>, facts: AccessFacts): Access {
  if (material.rule.kind === 'free') return { unlocked: true, via: 'free' }
  if (facts.unlock) return { unlocked: true, via: facts.unlock.via }
  if (facts.mallUnlock) return { unlocked: true, via: 'mall' }
  if (material.rule.kind === 'signup' && facts.qualifyingSignup) return { unlocked: true, via: 'signup' }
  if (material.rule.kind === 'invites' && facts.qualifiedInvites >= material.rule.count) return { unlocked: true, via: 'invites' }
  if (facts.staff) return { unlocked: true, via: 'staff' }
  return { unlocked: false }
}

/** Members see a material on the shelf; one they already hold stays reachable after it is taken down. */
export function isVisible(material: Pick<MaterialDoc, 'onShelf'>, facts: Pick<AccessFacts, 'unlock' | 'mallUnlock' | 'staff'>): boolean {
  return material.onShelf || facts.staff || !!facts.unlock || facts.mallUnlock
}

/** The rule explained to a member, in Chinese. */
export function ruleText(rule: UnlockRule): string {
  switch (rule.kind) {
    case 'free':
      return '免费资料，可直接打开'
    case 'signup':
      return rule.classId ? '报名指定的免费课后即可解锁' : '报名任意一节免费课后即可解锁'
    case 'points':
      return `消耗 ${rule.cost} 积分解锁，解锁后可反复下载`
    case 'invites':
      return `邀请 ${rule.count} 位好友，好友完成首次打卡或报名免费课后即可解锁`
  }
}

/** A short tag for catalog cards. */
export function ruleTag(rule: UnlockRule): string {
  if (rule.kind === 'free') return '免费'
  if (rule.kind === 'signup') return '报名解锁'
  if (rule.kind === 'invites') return `邀请 ${rule.count} 人`
  return `${rule.cost} 积分`
}

/** What an unlock writes: nothing (already held or free), or the record and, for points, the ledger spend. */
export type UnlockPlan =
  | { ok: true; via: AccessVia; record: null; spend: null }
  | { ok: true; via: 'signup' | 'invites'; record: UnlockDoc; spend: null }
  | { ok: true; via: 'points'; record: UnlockDoc; spend: EntryRequest }

/**
 * Plans one member's unlock. Staff previewing do not need an unlock, so `facts.staff` is ignored here: an admin who
 * unlocks a points material pays like anyone. Insufficient points are found by the ledger (POINTS.INSUFFICIENT).
 */
export function planUnlock(
  material: Pick<MaterialDoc, '_id' | 'rule'>,
  memberId: string,
  facts: AccessFacts,
  now: number,
): UnlockPlan | Rejection<MaterialCode> {
  const rule = material.rule
  if (rule.kind === 'free') return { ok: true, via: 'free', record: null, spend: null }
  if (facts.unlock) return { ok: true, via: facts.unlock.via, record: null, spend: null }
  if (facts.mallUnlock) return { ok: true, via: 'mall', record: null, spend: null }
  const base = { _id: unlockRecordId(material._id, memberId), materialId: material._id, memberId, unlockedAt: now }
  if (rule.kind === 'signup') {
    if (!facts.qualifyingSignup) return rejectMaterial('MATERIAL.SIGNUP_REQUIRED')
    return { ok: true, via: 'signup', record: { ...base, via: 'signup', cost: 0 }, spend: null }
  }
  if (rule.kind === 'invites') {
    const have = facts.qualifiedInvites
    if (have < rule.count)
      return rejectMaterial(
        'MATERIAL.INVITES_REQUIRED',
        { needed: rule.count, have },
        `已有 ${have} 位好友完成，还差 ${rule.count - have} 位即可解锁`,
      )
    return { ok: true, via: 'invites', record: { ...base, via: 'invites', cost: 0 }, spend: null }
  }
  const entryId = unlockKey(material._id, memberId)
  return {
    ok: true,
    via: 'points',
    record: { ...base, via: 'points', cost: rule.cost, entryId },
    spend: { _id: entryId, memberId, amount: -rule.cost, reason: 'unlock', ref: material._id },
  }
}
