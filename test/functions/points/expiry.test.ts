import type { BalanceView } from '../../../cloudfunctions/src/contracts/points'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { runTimerJob } from '../../../local/dev/timer-jobs'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member('ops', ['admin'])
  await h.member('saver')
  // The company turns on expiry: points expire at the end of the 1st month after the month they were earned.
  await h.emu.db.insert('sys_meta', [{ _id: 'points-policy', expiry: { enabled: true, months: 1 } }])
  // 2026-01-10 12:00 Shanghai
  h.emu.clock.set(Date.parse('2026-01-10T04:00:00Z'))
})
afterAll(() => h.close())

const balance = () => h.ok<BalanceView>('points', { action: 'balance' }, 'saver')

describe('points expiry', () => {
  it('should warn the member, then expire unspent points first-in-first-out by the timer, exactly once', async () => {
    await h.ok(
      'points',
      { action: 'adjust', member: publicIdOf('saver'), amount: 100, note: '一月活动', requestId: 'req-exp-jan-01' },
      'ops',
    )
    await h.ok('points', { action: 'adjust', member: publicIdOf('saver'), amount: -30, note: '抵扣', requestId: 'req-exp-jan-02' }, 'ops')

    // 2026-02-20: January's remaining 70 expire at the end of February — within the 30-day warning.
    h.emu.clock.set(Date.parse('2026-02-20T04:00:00Z'))
    const warned = await balance()
    expect(warned.balance).toBe(70)
    expect(warned.expiring).toMatchObject({ amount: 70, buckets: [{ month: '2026-02', lastDay: '2026-02-28', amount: 70 }] })

    // 2026-03-01 00:10 Shanghai: moving the clock past the timer's slot fires the `expire` trigger by itself.
    h.emu.clock.set(Date.parse('2026-02-28T16:11:00Z'))
    await h.emu.runtime.fireDueTriggers()
    expect(await h.emu.db.count('points_entries', { memberId: 'saver', reason: 'expire', amount: -70 })).toBe(1)
    // Running it again (a retry, an overlap) expires nothing more.
    const again = await runTimerJob(h.emu.runtime, 'points', 'expire')
    expect(again.result).toMatchObject({ code: 0, data: { entries: 0 } })
    expect(await balance()).toMatchObject({ balance: 0, expiring: { amount: 0 } })
    expect(await h.emu.db.count('points_entries', { memberId: 'saver', reason: 'expire' })).toBe(1)
    expect(await h.ok('points', { action: 'reconcile', memberId: 'saver' }, 'ops')).toMatchObject({ mismatched: 0 })
  })
})
