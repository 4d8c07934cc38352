import {
  adjustKey,
  checkinKey,
  expireKey,
  isValidKey,
  MAX_KEY_PART_LENGTH,
  parseKey,
  redeemKey,
  refundKey,
  reversalKey,
  streakBonusKey,
} from '@cloud/domain/points'

describe('idempotency keys', () => {
  it('should build a check-in key from period, day and member', () => {
    expect(checkinKey('p-2026-11', '2026-11-24', 'oAbC_12-x')).toBe('checkin:p-2026-11:2026-11-24:oAbC_12-x')
  })

  it('should build order-derived keys that differ between redeem and refund', () => {
    expect([redeemKey('o1'), refundKey('o1')]).toEqual(['redeem:o1', 'refund:o1'])
  })

  it('should build an adjust key from the request id and an expiry key per member per month', () => {
    expect(adjustKey('3f2b-uuid')).toBe('adjust:3f2b-uuid')
    expect(expireKey('oMember', '2027-01')).toBe('expire:oMember:2027-01')
  })

  it('should reject a part containing a colon, so keys split unambiguously', () => {
    expect(() => checkinKey('p:1', '2026-11-24', 'm')).toThrow(RangeError)
  })

  it('should reject empty, over-long and non-ASCII parts', () => {
    expect(() => redeemKey('')).toThrow(RangeError)
    expect(() => redeemKey('x'.repeat(MAX_KEY_PART_LENGTH + 1))).toThrow(RangeError)
    expect(() => redeemKey('订单1')).toThrow(RangeError)
    expect(redeemKey('x'.repeat(MAX_KEY_PART_LENGTH))).toHaveLength(7 + MAX_KEY_PART_LENGTH)
  })

  it('should reject malformed days, months and milestones', () => {
    expect(() => checkinKey('p', '2026-1-24', 'm')).toThrow(RangeError)
    expect(() => expireKey('m', '2027-13')).toThrow(RangeError)
    expect(() => streakBonusKey('p', 0, 'm')).toThrow(RangeError)
  })

  it('should derive a reversal key from the entry key and refuse reversing a reversal', () => {
    expect(reversalKey('checkin:p:2026-11-24:m')).toBe('reversal:checkin:p:2026-11-24:m')
    expect(() => reversalKey('reversal:checkin:p:2026-11-24:m')).toThrow(RangeError)
  })

  it('should never produce a 24-hex string that could be taken for an ObjectId', () => {
    expect(isValidKey('5f1b2c3d4e5f6a7b8c9d0e1f')).toBe(false)
  })

  it('should parse a key back into its kind and parts', () => {
    expect(parseKey('checkin:p:2026-11-24:m')).toEqual({ kind: 'checkin', parts: ['p', '2026-11-24', 'm'] })
    expect(parseKey('bogus:p')).toBeUndefined()
  })
})
