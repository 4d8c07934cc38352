/**
 * Impossible days in camp requests answer REQUEST.INVALID through the real handler (they used to reach
 * businessDayStart and answer SYS.INTERNAL from its RangeError).
 */
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { ADMIN, at, camp, joined, openPeriod } from './support'

let h: FunctionsHarness
let period: AdminPeriodView

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await at(h, '2026-03-02 09:00')
  period = await openPeriod(h)
  await joined(h, period, ['dates-member'])
})
afterAll(() => h.close())

describe('impossible dates in camp requests', () => {
  it.each(['2026-02-30', '2026-13-45', '2026-04-31'])(
    'should answer REQUEST.INVALID for day %s and a real answer for a real day',
    async (day) => {
      for (const action of ['myCheckin', 'makeup', 'editCheckin'] as const) {
        const payload = { periodId: period._id, day, ...(action === 'editCheckin' ? { text: '改一下' } : {}) }
        expect((await camp(h, action, payload, 'dates-member')).code).toBe('REQUEST.INVALID')
      }
      const real = await camp(h, 'myCheckin', { periodId: period._id, day: '2026-03-02' }, 'dates-member')
      expect(real.code).not.toBe('REQUEST.INVALID')
      expect(real.code).not.toBe('SYS.INTERNAL')
    },
  )
})
