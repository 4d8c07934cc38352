import { REMINDER_TEMPLATE_ID } from '../../../cloudfunctions/src/contracts/camp'
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import type { PeriodDoc } from '../../../cloudfunctions/src/domain/camp'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, balanceOf, camp, campOk, checkin, entriesOf, joined, openPeriod } from './support'
import { runTimerJob } from '../../../local/dev/timer-jobs'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())

const sentTo = (openid: string) => h.emu.openapi.outbox().filter((m) => m.touser === openid && m.templateId === REMINDER_TEMPLATE_ID)
const subscribe = (periodId: string, openid: string, requestId: string) =>
  campOk(h, 'subscribed', { periodId, accepted: [REMINDER_TEMPLATE_ID], requestId }, openid)
const runReminders = () => runTimerJob(h.emu.runtime, 'camp', 'reminders')
const runCompletion = () => runTimerJob(h.emu.runtime, 'camp', 'complete')

describe('reminders', () => {
  it('should send one reminder per credit at the member’s time, skipping days already checked in', async () => {
    await at(h, '2026-03-02 09:00')
    const period = await openPeriod(h)
    await joined(h, period, ['reminded'])
    await checkin(h, period._id, 'reminded')
    await campOk(h, 'setReminder', { periodId: period._id, time: '20:00' }, 'reminded')
    for (const rid of ['prompt-0001', 'prompt-0002']) {
      await subscribe(period._id, 'reminded', rid)
      h.emu.openapi.grantSubscription('reminded', [REMINDER_TEMPLATE_ID])
    }
    await at(h, '2026-03-02 20:01') // checked in today: no message, no credit spent
    expect(sentTo('reminded')).toHaveLength(0)
    await at(h, '2026-03-03 20:01')
    await runReminders() // a second run at the same time reminds nobody twice
    expect(sentTo('reminded')).toHaveLength(1)
    await at(h, '2026-03-04 20:01')
    await at(h, '2026-03-05 20:01') // both credits spent
    expect(sentTo('reminded')).toHaveLength(2)
    expect(sentTo('reminded')[0]).toMatchObject({
      page: expect.stringContaining(period._id),
      data: { thing1: { value: expect.stringContaining('第2天') } },
    })
  })

  it('should not message a member who granted no credit', async () => {
    await at(h, '2026-03-02 09:00')
    const period = await openPeriod(h)
    await joined(h, period, ['silent'])
    const view = await campOk(h, 'setReminder', { periodId: period._id, time: '21:00' }, 'silent')
    expect(view).toEqual({ credits: 0, reminderTime: '21:00', nextReminderAt: null, reviewCredits: 0 })
    await at(h, '2026-03-02 21:01')
    await runReminders()
    expect(sentTo('silent')).toHaveLength(0)
  })

  it('should count a reported subscription once per request id', async () => {
    await at(h, '2026-03-02 09:00')
    const period = await openPeriod(h)
    await joined(h, period, ['retrier'])
    await Promise.all([1, 2, 3].map(() => subscribe(period._id, 'retrier', 'prompt-same-1')))
    expect(await campOk(h, 'setReminder', { periodId: period._id, time: '07:30' }, 'retrier')).toMatchObject({ credits: 1 })
  })

  it('should stop reminding when WeChat answers 43101 and carry on with the run', async () => {
    await at(h, '2026-03-02 09:00')
    const period = await openPeriod(h)
    await joined(h, period, ['nocredit', 'hascredit'])
    for (const m of ['nocredit', 'hascredit']) {
      await campOk(h, 'setReminder', { periodId: period._id, time: '20:00' }, m)
      await subscribe(period._id, m, `prompt-${m}`)
    }
    h.emu.openapi.grantSubscription('hascredit', [REMINDER_TEMPLATE_ID]) // the other never really accepted
    await at(h, '2026-03-02 20:01')
    expect(sentTo('hascredit')).toHaveLength(1)
    expect(sentTo('nocredit')).toHaveLength(0)
    const [e] = (await h.emu.db.find('enrollments', { _id: `${period._id}:nocredit` })) as {
      reminderCredits: number
      reminderNextAt: number | null
    }[]
    expect(e).toMatchObject({ reminderCredits: 0, reminderNextAt: null })
  })
})

describe('completion', () => {
  async function endedPeriod(): Promise<AdminPeriodView> {
    await at(h, '2026-03-02 09:00')
    const period = await openPeriod(h, {
      points: { perCheckin: 10, streakMilestones: [], completion: { minCheckins: 3, bonus: 100 }, groupMultiplier: 2 },
    })
    await joined(h, period, ['finisher', 'quitter'])
    await checkin(h, period._id, 'quitter')
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04']) {
      await at(h, `${day} 10:00`)
      await checkin(h, period._id, 'finisher')
    }
    return period
  }

  it('should pay the completion bonus exactly once when the timer runs twice, then close and freeze the stats', async () => {
    const period = await endedPeriod()
    await at(h, '2026-03-09 00:30') // the hourly timer fires on its own here
    await Promise.all([runCompletion(), runCompletion()])
    await runCompletion()
    expect((await entriesOf(h, 'finisher')).filter((e) => e.reason === 'completion')).toHaveLength(1)
    expect(await balanceOf(h, 'finisher')).toBe(30 + 100)
    expect((await entriesOf(h, 'quitter')).filter((e) => e.reason === 'completion')).toHaveLength(0)
    const [stored] = (await h.emu.db.find('periods', { _id: period._id })) as PeriodDoc[]
    expect(stored).toMatchObject({ status: 'closed', stats: { members: 2, completed: 1, checkins: 4, makeups: 0, completionRate: 0.5 } })
    expect(await camp(h, 'checkin', { periodId: period._id, text: '结营后' }, 'finisher')).toMatchObject({ code: 'CAMP.PERIOD_CLOSED' })
  })

  it('should give the certificate to members who completed and not to the others', async () => {
    const period = await endedPeriod()
    await at(h, '2026-03-09 00:30')
    await runCompletion()
    expect(await camp(h, 'certificate', { periodId: period._id }, 'finisher')).toMatchObject({
      code: 0,
      data: { checkedDays: 3, lengthDays: 7, periodIndex: 1, nickname: 'finisher', no: expect.stringMatching(/^01-/) },
    })
    expect(await camp(h, 'certificate', { periodId: period._id }, 'quitter')).toMatchObject({ code: 'CAMP.CERTIFICATE_NOT_READY' })
  })
})
