/**
 * A ledger entry's `_id` IS its idempotency key: the database refuses a second document with the same `_id`
 * (errCode -502001), so a retried or duplicated award can never be written twice.
 *
 * Shape: `{kind}:{part}:{part}…`. Parts are ASCII `[A-Za-z0-9_.-]` (openids, ObjectIds, `YYYY-MM-DD`, uuids all fit)
 * and never contain `:`, so a key splits back into its parts unambiguously. CloudBase publishes no `_id` length
 * limit; its engine is MongoDB, whose historic index-key limit is 1024 bytes, so keys stay ASCII and ≤ 512 chars.
 * A key always contains `:`, so it is never mistaken for a 24-hex ObjectId string.
 *
 * An invalid part is a caller bug (inputs are parsed by schemas at the edge), so builders throw RangeError.
 */
export const MAX_KEY_PART_LENGTH = 80
export const MAX_KEY_LENGTH = 512

const PART = /^[A-Za-z0-9_.-]+$/
const DAY = /^\d{4}-\d{2}-\d{2}$/
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
const KEY = /^[a-z_]+(:[A-Za-z0-9_.-]+)+$/

export const KEY_KINDS = [
  'checkin',
  'streak',
  'completion',
  'featured',
  'group',
  'invite',
  'signup',
  'redeem',
  'refund',
  'makeup',
  'unlock',
  'adjust',
  'expire',
  'reversal',
  'tier',
  'badge',
] as const
export type KeyKind = (typeof KEY_KINDS)[number]

export function isValidKeyPart(part: unknown): part is string {
  return typeof part === 'string' && part.length > 0 && part.length <= MAX_KEY_PART_LENGTH && PART.test(part)
}

export function isValidKey(key: unknown): key is string {
  return typeof key === 'string' && key.length <= MAX_KEY_LENGTH && KEY.test(key)
}

function part(name: string, value: string): string {
  if (!isValidKeyPart(value)) throw new RangeError(`invalid key part ${name}: ${JSON.stringify(value)}`)
  return value
}

function pattern(name: string, value: string, re: RegExp): string {
  if (!re.test(value)) throw new RangeError(`invalid ${name}: ${JSON.stringify(value)}`)
  return value
}

function build(kind: KeyKind, ...parts: string[]): string {
  const key = [kind, ...parts].join(':')
  if (key.length > MAX_KEY_LENGTH) throw new RangeError(`key longer than ${MAX_KEY_LENGTH}: ${key}`)
  return key
}

/** One check-in award per member per camp day. */
export const checkinKey = (periodId: string, day: string, memberId: string) =>
  build('checkin', part('periodId', periodId), pattern('day', day, DAY), part('memberId', memberId))

/** One bonus per streak milestone (e.g. 7) per period. */
export const streakBonusKey = (periodId: string, milestone: number, memberId: string) => {
  if (!Number.isInteger(milestone) || milestone <= 0) throw new RangeError(`invalid milestone: ${milestone}`)
  return build('streak', part('periodId', periodId), String(milestone), part('memberId', memberId))
}

export const completionKey = (periodId: string, memberId: string) =>
  build('completion', part('periodId', periodId), part('memberId', memberId))

/** A submission is featured at most once, whoever features it. */
export const featuredKey = (submissionId: string) => build('featured', part('submissionId', submissionId))

/** The group-chat check-in bonus, separate from the base check-in award so each is exactly-once on its own. */
export const groupBonusKey = (periodId: string, day: string, memberId: string) =>
  build('group', part('periodId', periodId), pattern('day', day, DAY), part('memberId', memberId))

/** An inviter is rewarded once per invitee, however many qualifying actions the invitee takes. */
export const inviteRewardKey = (inviteeId: string) => build('invite', part('inviteeId', inviteeId))

export const classSignupKey = (signupId: string) => build('signup', part('signupId', signupId))

export const redeemKey = (orderId: string) => build('redeem', part('orderId', orderId))

/** Exactly one refund per order, however often a cancel is retried. */
export const refundKey = (orderId: string) => build('refund', part('orderId', orderId))

export const makeupKey = (periodId: string, day: string, memberId: string) =>
  build('makeup', part('periodId', periodId), pattern('day', day, DAY), part('memberId', memberId))

export const unlockKey = (materialId: string, memberId: string) =>
  build('unlock', part('materialId', materialId), part('memberId', memberId))

/** `requestId` is generated once per admin form submission, so a double-click adjusts once. */
export const adjustKey = (requestId: string) => build('adjust', part('requestId', requestId))

/** One expiry entry per member per month whose end is the deadline (`YYYY-MM`, Asia/Shanghai). */
export const expireKey = (memberId: string, month: string) => build('expire', part('memberId', memberId), pattern('month', month, MONTH))

/** The streak-tier bonus of one check-in (community/tiers.ts), beside its base award and group bonus. */
export const tierBonusKey = (periodId: string, day: string, memberId: string) =>
  build('tier', part('periodId', periodId), pattern('day', day, DAY), part('memberId', memberId))

/** A badge's points (community/badges.ts): once per badge, member and period. */
export const badgeKey = (periodId: string, badge: string, memberId: string) =>
  build('badge', part('periodId', periodId), part('badge', badge), part('memberId', memberId))

/** An entry can be reversed at most once: the reversal's key is derived from the entry's own key. */
export function reversalKey(entryId: string): string {
  if (!isValidKey(entryId)) throw new RangeError(`invalid entry id: ${JSON.stringify(entryId)}`)
  if (entryId.startsWith('reversal:')) throw new RangeError('a reversal cannot be reversed')
  return build('reversal', ...entryId.split(':'))
}

/** Splits a key back into its kind and parts; undefined when it is not a key this module builds. */
export function parseKey(key: string): { kind: KeyKind; parts: string[] } | undefined {
  if (!isValidKey(key)) return undefined
  const [kind, ...parts] = key.split(':')
  return (KEY_KINDS as readonly string[]).includes(kind) ? { kind: kind as KeyKind, parts } : undefined
}
