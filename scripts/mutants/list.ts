/**
 * Known mutants: small, realistic bugs each of which some test must kill. `from` must occur exactly once in `file`
 * (the runner refuses a mutant that no longer applies, so a refactor cannot silently retire one).
 */
export interface Mutant {
  id: string
  /** What the bug would do to a member, in one line. */
  effect: string
  file: string
  from: string
  to: string
  /** The test files expected to kill it (run with the node project). */
  tests: string[]
}

export const MUTANTS: Mutant[] = [
  {
    id: 'mall-code-reuse',
    effect: 'every buyer of a code item gets the same code (the code never leaves the pool)',
    file: 'cloudfunctions/src/services/mall/redeem.ts',
    from: 'shardWrite.codes = codes.slice(1)',
    to: 'shardWrite.codes = codes',
    tests: ['test/functions/mall/mall.property.test.ts'],
  },
  {
    id: 'mall-cancel-keeps-code',
    effect: 'a cancelled code order does not put its code back, so stock and pool drift apart',
    file: 'cloudfunctions/src/services/mall/orders.ts',
    from: 'if (order.code) shardWrite.codes = _.push([order.code])',
    to: 'if (order.code) void 0',
    tests: ['test/functions/mall/mall.property.test.ts'],
  },
  {
    id: 'first-touch-overwrite',
    effect: "a later poster scan moves the member's first-touch attribution to another inviter",
    file: 'cloudfunctions/src/services/identity/members.ts',
    from: '.update({ data: { lastSeenAt: now } })',
    to: '.update({ data: { lastSeenAt: now, ...(tags.posterCode ? { firstPosterCode: tags.posterCode } : {}) } })',
    tests: ['test/functions/identity/identity-function.test.ts'],
  },
  {
    id: 'any-502001-is-duplicate',
    effect: 'a failed write inside a check-in answers 今天已经打过卡了 with nothing stored',
    file: 'cloudfunctions/src/shared/db.ts',
    from: 'return errCode(err) === DATABASE_REQUEST_FAILED && /E11000|duplicate key/i.test(',
    to: 'return errCode(err) === DATABASE_REQUEST_FAILED || /E11000|duplicate key/i.test(',
    tests: ['test/functions/faults/checkin.test.ts'],
  },
  {
    id: 'no-abort-after-failed-commit',
    effect: "a lost commit keeps its locks for ~30 s and the member's retry answers SYS.BUSY",
    file: 'cloudfunctions/src/shared/db.ts',
    from: '      await tx.rollback().catch(() => undefined)\n      if (!isTransactionConflict(err)) throw err\n      lastErr = err\n      await backoff(attempt)\n    }\n  }',
    to: '      if (!isTransactionConflict(err)) throw err\n      lastErr = err\n      await backoff(attempt)\n    }\n  }',
    tests: ['test/functions/faults/checkin.test.ts'],
  },
  {
    id: 'invite-cap-off-by-one',
    effect: 'an inviter is paid for 6 friends a day instead of 5',
    file: 'cloudfunctions/src/domain/invites/reward.ts',
    from: 'const rewarded = rewardedToday < cap && points > 0',
    to: 'const rewarded = rewardedToday <= cap && points > 0',
    tests: ['test/domain/invites/reward.test.ts', 'test/functions/invites/settle.test.ts'],
  },
  {
    id: 'refund-as-earned',
    effect: "a cancelled order's refund counts as 累计获得 instead of giving back 累计消耗",
    file: 'cloudfunctions/src/domain/points/reasons.ts',
    from: "refund: { label: '兑换退还', direction: 'credit', account: 'spent' }",
    to: "refund: { label: '兑换退还', direction: 'credit', account: 'earned' }",
    tests: ['test/domain/points/ledger.property.test.ts', 'test/functions/mall/mall.property.test.ts'],
  },
  {
    id: 'mall-limit-off-by-one',
    effect: 'a member redeems one more of a limited item than the limit allows',
    file: 'cloudfunctions/src/domain/mall/redeem.ts',
    from: 'memberRedeemedCount >= item.perMemberLimit',
    to: 'memberRedeemedCount > item.perMemberLimit',
    tests: ['test/functions/mall/mall.property.test.ts'],
  },
]
