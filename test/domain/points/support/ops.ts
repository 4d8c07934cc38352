/** Random operation sequences against the ledger, for the property tests. */
import fc from 'fast-check'
import {
  adjustKey,
  checkinKey,
  classSignupKey,
  completionKey,
  featuredKey,
  groupBonusKey,
  inviteRewardKey,
  makeupKey,
  redeemKey,
  streakBonusKey,
  unlockKey,
  type EntryRequest,
  type PointsReason,
} from '@cloud/domain/points'

export const MEMBERS = ['oMemberA_1', 'oMemberB-2', 'oMemberC'] as const

/** The rewards a member earns by doing something (listed here, not taken from the implementation's reason table). */
const REWARDS = ['checkin', 'streak_bonus', 'completion', 'featured', 'group_bonus', 'invite_reward', 'class_signup'] as const

export type Op =
  | { t: 'award'; member: number; reason: PointsReason; amount: number; slot: number }
  | { t: 'spend'; member: number; reason: 'makeup' | 'unlock'; amount: number; slot: number }
  | { t: 'redeem'; member: number; cost: number; slot: number }
  | { t: 'refund'; pick: number }
  | { t: 'adjust'; member: number; amount: number; slot: number }
  | { t: 'reverse'; pick: number }
  | { t: 'retry'; pick: number }
  | { t: 'dup'; pick: number }
  | { t: 'tick'; ms: number }

const member = fc.integer({ min: 0, max: MEMBERS.length - 1 })
const slot = fc.integer({ min: 0, max: 12 })

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record({
      t: fc.constant('award' as const),
      member,
      reason: fc.constantFrom(...REWARDS),
      amount: fc.integer({ min: 1, max: 500 }),
      slot,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('spend' as const),
      member,
      reason: fc.constantFrom('makeup' as const, 'unlock' as const),
      amount: fc.integer({ min: 1, max: 250 }),
      slot,
    }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('redeem' as const), member, cost: fc.integer({ min: 1, max: 250 }), slot }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('refund' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('adjust' as const),
      member,
      amount: fc.integer({ min: -300, max: 300 }).filter((a) => a !== 0),
      slot,
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('retry' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('dup' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 40 * 24 * 3600 * 1000 }) }) },
)

function awardKey(reason: PointsReason, m: string, slot: number): string {
  const day = `2026-11-${String(slot + 1).padStart(2, '0')}`
  switch (reason) {
    case 'checkin':
      return checkinKey('period-1', day, m)
    case 'streak_bonus':
      return streakBonusKey('period-1', slot + 1, m)
    case 'completion':
      return completionKey(`period-${slot}`, m)
    case 'featured':
      return featuredKey(`sub-${m}-${slot}`)
    case 'group_bonus':
      return groupBonusKey('period-1', day, m)
    case 'invite_reward':
      return inviteRewardKey(`invitee-${m}-${slot}`)
    default:
      return classSignupKey(`signup-${m}-${slot}`)
  }
}

export const orderIdOf = (m: string, slot: number) => `${m}.order-${slot}`

/** The ledger request an operation sends (undefined for ops that pick from history). */
export function requestOf(op: Op): EntryRequest | undefined {
  switch (op.t) {
    case 'award':
      return { _id: awardKey(op.reason, MEMBERS[op.member], op.slot), memberId: MEMBERS[op.member], amount: op.amount, reason: op.reason }
    case 'spend': {
      const m = MEMBERS[op.member]
      const _id =
        op.reason === 'makeup'
          ? makeupKey('period-1', `2026-11-${String(op.slot + 1).padStart(2, '0')}`, m)
          : unlockKey(`mat-${op.slot}`, m)
      return { _id, memberId: m, amount: -op.amount, reason: op.reason }
    }
    case 'redeem': {
      const orderId = orderIdOf(MEMBERS[op.member], op.slot)
      return { _id: redeemKey(orderId), memberId: MEMBERS[op.member], amount: -op.cost, reason: 'redeem', ref: orderId }
    }
    case 'adjust':
      return { _id: adjustKey(`req-${op.slot}`), memberId: MEMBERS[op.member], amount: op.amount, reason: 'adjust', note: '人工调整' }
    default:
      return undefined
  }
}
