import { seedPersonaMembers } from '../../../local/seed'
import { seedCamps } from '../../../local/seed/camps'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { campOk } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  const now = h.emu.clock.now()
  await seedPersonaMembers(h.emu, now)
  await seedCamps(h.emu, now)
}, 60_000)
afterAll(() => h.close())

describe('demo camps seed', () => {
  it('should leave every balance equal to the sum of its ledger entries', async () => {
    const balances = (await h.emu.db.find('points_balances')) as { _id: string; balance: number }[]
    expect(balances.length).toBeGreaterThan(5)
    for (const b of balances) {
      const entries = (await h.emu.db.find('points_entries', { memberId: b._id })) as { amount: number }[]
      expect(entries.reduce((s, e) => s + e.amount, 0)).toBe(b.balance)
    }
  })

  it('should show a member on day 11 of the English camp with history, and the drawing camp opening tomorrow', async () => {
    const mine = await campOk(h, 'myPeriods', {}, 'dev-member-01')
    expect(mine.items.map((i) => i.period.title)).toEqual(['第 1 期 · 21 天'])
    const today = await campOk(h, 'today', { periodId: mine.items[0].period.id }, 'dev-member-01')
    expect(today).toMatchObject({ joined: true, dayIndex: 11, dayLabel: '第 11 天' })
    expect(today.checkedDays).toBeGreaterThanOrEqual(10)
    const list = await campOk(h, 'listCamps', {}, 'dev-member-12')
    const drawing = list.items.find((c) => c.title.startsWith('创意绘画'))
    expect(drawing?.periods[0].status.value).toBe('open')
    const feed = await campOk(h, 'feed', { periodId: mine.items[0].period.id }, 'dev-member-12')
    expect(feed.items.length).toBeGreaterThan(0)
  })
})
