/**
 * Why points moved. Every ledger entry carries exactly one reason; the reason fixes the sign an entry may have
 * and which running total (earned or spent) it moves, so the balance doc can be rebuilt from entries alone.
 */
export const POINTS_REASONS = [
  'checkin',
  'streak_bonus',
  'completion',
  'featured',
  'group_bonus',
  'tier_bonus',
  'badge',
  'invite_reward',
  'class_signup',
  'redeem',
  'makeup',
  'unlock',
  'refund',
  'adjust',
  'expire',
  'reversal',
] as const

export type PointsReason = (typeof POINTS_REASONS)[number]

/** credit: amount > 0 only; debit: amount < 0 only; either: an admin adjustment or a reversal, whose sign varies. */
export type ReasonDirection = 'credit' | 'debit' | 'either'

/** Which running total an entry of this reason moves (see accounting.ts). */
export type ReasonAccount = 'earned' | 'spent' | 'mirror'

interface ReasonInfo {
  label: string
  direction: ReasonDirection
  account: ReasonAccount
}

export const REASON_INFO: Readonly<Record<PointsReason, ReasonInfo>> = {
  checkin: { label: '打卡奖励', direction: 'credit', account: 'earned' },
  streak_bonus: { label: '连续打卡奖励', direction: 'credit', account: 'earned' },
  completion: { label: '结营奖励', direction: 'credit', account: 'earned' },
  featured: { label: '精选奖励', direction: 'credit', account: 'earned' },
  group_bonus: { label: '群内打卡加成', direction: 'credit', account: 'earned' },
  tier_bonus: { label: '连续打卡加成', direction: 'credit', account: 'earned' },
  badge: { label: '徽章奖励', direction: 'credit', account: 'earned' },
  invite_reward: { label: '邀请奖励', direction: 'credit', account: 'earned' },
  class_signup: { label: '报名免费课奖励', direction: 'credit', account: 'earned' },
  redeem: { label: '积分兑换', direction: 'debit', account: 'spent' },
  makeup: { label: '补卡消耗', direction: 'debit', account: 'spent' },
  unlock: { label: '解锁资料', direction: 'debit', account: 'spent' },
  refund: { label: '兑换退还', direction: 'credit', account: 'spent' },
  adjust: { label: '人工调整', direction: 'either', account: 'earned' },
  expire: { label: '积分过期', direction: 'debit', account: 'spent' },
  reversal: { label: '冲正', direction: 'either', account: 'mirror' },
}

export function isPointsReason(value: unknown): value is PointsReason {
  return typeof value === 'string' && (POINTS_REASONS as readonly string[]).includes(value)
}

/** The Chinese label shown in the member's history. */
export function reasonLabel(reason: PointsReason): string {
  return REASON_INFO[reason].label
}

/** Whether `amount` has the sign this reason allows (zero never does). */
export function signFits(reason: PointsReason, amount: number): boolean {
  if (amount === 0) return false
  const direction = REASON_INFO[reason].direction
  if (direction === 'credit') return amount > 0
  if (direction === 'debit') return amount < 0
  return true
}
