import fc from 'fast-check'
import { addDays } from '@cloud/domain/business-day'
import { longestRun, streakFrom } from '@cloud/domain/camp'

/** Brute force on day numbers: walk back one by one, no date library involved. */
function bruteStreak(offsets: number[], todayOffset: number): number {
  const set = new Set(offsets)
  let d = set.has(todayOffset) ? todayOffset : todayOffset - 1
  let n = 0
  while (set.has(d)) {
    n++
    d--
  }
  return n
}

function bruteLongest(offsets: number[]): number {
  const set = new Set(offsets)
  let best = 0
  for (const start of set) {
    let n = 0
    while (set.has(start + n)) n++
    best = Math.max(best, n)
  }
  return best
}

// Anchored just before a leap day and a year end, so runs cross both.
const ANCHOR = '2027-12-20'
const dayOf = (offset: number) => addDays(ANCHOR, offset)
const offsetsArb = fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 60 })

describe('streak properties', () => {
  it('should equal a brute-force count on random sets of days', () => {
    fc.assert(
      fc.property(offsetsArb, fc.integer({ min: 0, max: 85 }), (offsets, today) => {
        expect(streakFrom(offsets.map(dayOf), dayOf(today))).toBe(bruteStreak(offsets, today))
      }),
      { numRuns: 300 },
    )
  })

  it('should make the longest run equal a brute-force count and bound the current streak', () => {
    fc.assert(
      fc.property(offsetsArb, fc.integer({ min: 0, max: 85 }), (offsets, today) => {
        const days = offsets.map(dayOf)
        expect(longestRun(days)).toBe(bruteLongest(offsets))
        expect(streakFrom(days, dayOf(today))).toBeLessThanOrEqual(longestRun(days))
      }),
      { numRuns: 300 },
    )
  })
})
