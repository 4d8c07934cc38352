import { CLASS_REMINDER_TEMPLATE_ID } from '../../../cloudfunctions/src/contracts/classes'
import type { LeadPage, RosterView, StaffSignupView } from '../../../cloudfunctions/src/contracts/class-views'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, detail, giveClass, giveSession, HOUR, phoneCloudId, signUp, signupDoc, TEACHER } from './support'
import { runTimerJob } from '../../../local/dev/timer-jobs'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await h.member(TEACHER, ['teacher'])
})
afterAll(() => h.close())

const lead = (signupId: string, stage: string, note?: string, by = TEACHER) =>
  h.call<StaffSignupView>('classes', { action: 'updateLead', signupId, stage, ...(note === undefined ? {} : { note }) }, by)

describe('classes roster and attendance', () => {
  it('should show staff the full phone and members only their own masked one', async () => {
    const cls = await giveClass(h)
    const session = await giveSession(h, cls.id, { capacity: 1 })
    await h.member('mom')
    await h.member('dad')
    await signUp(h, 'mom', cls.id, session.id, { phone: phoneCloudId(h, 'mom', '13911112222') })
    await signUp(h, 'dad', cls.id, session.id, { phone: phoneCloudId(h, 'dad', '13933334444') })
    const r = await h.ok<RosterView>('classes', { action: 'roster', sessionId: session.id }, TEACHER)
    expect(r.confirmed.map((s) => s.phone)).toEqual(['13911112222'])
    expect(r.waitlisted.map((s) => s.phone)).toEqual(['13933334444'])
    expect(r.session).toMatchObject({ taken: 1, seatsLeft: 0 })
    const mine = await detail(h, 'mom', cls.id)
    expect(mine.mySignup?.phoneMasked).toBe('139****2222')
    expect(JSON.stringify(mine)).not.toContain('13911112222')
    expect(JSON.stringify(mine)).not.toContain('13933334444')
  })

  it('should mark attendance only once the session has started, and only for seated members', async () => {
    const cls = await giveClass(h)
    const session = await giveSession(h, cls.id, { capacity: 1, startAt: h.emu.clock.now() + HOUR })
    await h.member('student')
    await h.member('queued')
    await signUp(h, 'student', cls.id, session.id)
    await signUp(h, 'queued', cls.id, session.id)
    const mark = (openid: string, m: string) =>
      h.call<StaffSignupView>('classes', { action: 'markAttendance', signupId: `${cls.id}:${openid}`, mark: m }, TEACHER)
    expect(await mark('student', 'attended')).toMatchObject({ code: 'CLASS.SESSION_NOT_STARTED' })
    h.emu.clock.advance(HOUR)
    expect(await mark('student', 'attended')).toMatchObject({ code: 0, data: { status: 'attended' } })
    expect(await mark('queued', 'attended')).toMatchObject({ code: 'CLASS.SIGNUP_STATE' })
    expect(await mark('student', 'absent')).toMatchObject({ code: 0, data: { status: 'absent' } })
    expect((await signupDoc(h, cls.id, 'queued'))?.status).toBe('waitlisted')
  })
})

describe('classes leads', () => {
  it('should move a lead along the pipeline with a note, refuse skipping to paid, and list by stage in pages', async () => {
    const cls = await giveClass(h)
    const session = await giveSession(h, cls.id, { capacity: 10 })
    const ids: string[] = []
    for (const m of ['l-1', 'l-2', 'l-3']) {
      await h.member(m)
      await signUp(h, m, cls.id, session.id)
      ids.push(`${cls.id}:${m}`)
      h.emu.clock.advance(1000)
    }
    expect(await lead(ids[0], 'paid')).toMatchObject({ code: 'CLASS.LEAD_STAGE' })
    expect(await lead(ids[0], 'contacted', '已电话沟通')).toMatchObject({ code: 0, data: { stage: 'contacted', note: '已电话沟通' } })
    expect(await lead(ids[0], 'booked')).toMatchObject({
      code: 0,
      data: { stage: 'booked', nextStages: ['paid', 'lost'], note: '已电话沟通' },
    })
    expect(await lead(ids[1], 'lost', '暂无需求', ADMIN)).toMatchObject({ code: 0, data: { stage: 'lost' } })
    const booked = await h.ok<LeadPage>('classes', { action: 'leads', stage: 'booked' }, TEACHER)
    expect(booked.items.map((l) => l.id)).toContain(ids[0])
    expect(booked.items.every((l) => l.stage === 'booked')).toBe(true)
    const first = await h.ok<LeadPage>('classes', { action: 'leads', stage: 'new', limit: 1 }, TEACHER)
    expect(first.items.map((l) => l.id)).toEqual([ids[2]])
    expect(first.items[0].phone).toMatch(/^1\d{10}$/)
    const rest = await h.ok<LeadPage>('classes', { action: 'leads', stage: 'new', limit: 1, cursor: first.cursor }, TEACHER)
    expect(rest.items.map((l) => l.id)).not.toContain(ids[2])
    expect(await h.emu.db.count('events', { type: 'lead_stage' })).toBe(3)
  })
})

/** Polls until `done` (a background timer run may still be sending), for at most two seconds. */
async function settled(done: () => boolean): Promise<void> {
  for (let i = 0; i < 40 && !done(); i++) await new Promise((r) => setTimeout(r, 50))
}

describe('classes reminders', () => {
  const sentTo = (openid: string) =>
    h.emu.openapi.outbox().filter((m) => m.touser === openid && m.templateId === CLASS_REMINDER_TEMPLATE_ID)
  const run = () => runTimerJob(h.emu.runtime, 'classes', 'reminders')

  it('should remind a member who granted a credit once before the session, and nobody without one', async () => {
    const cls = await giveClass(h, { title: '初中英语口语体验课' })
    const session = await giveSession(h, cls.id, { startAt: h.emu.clock.now() + 5 * HOUR })
    await h.member('subscriber')
    await h.member('silent')
    await signUp(h, 'subscriber', cls.id, session.id)
    await signUp(h, 'silent', cls.id, session.id)
    h.emu.openapi.grantSubscription('subscriber', [CLASS_REMINDER_TEMPLATE_ID])
    const sub = await h.ok<{ reminderSet: boolean }>(
      'classes',
      { action: 'subscribeReminder', classId: cls.id, accepted: [CLASS_REMINDER_TEMPLATE_ID] },
      'subscriber',
    )
    expect(sub.reminderSet).toBe(true)
    await run()
    expect(sentTo('subscriber')).toHaveLength(0)
    h.emu.clock.advance(3 * HOUR + 60_000)
    // Moving the clock also fires the timer in the background: whichever run claims the reminder sends it.
    await run()
    await run()
    await settled(() => sentTo('subscriber').length > 0)
    expect(sentTo('subscriber')).toHaveLength(1)
    expect(sentTo('subscriber')[0].data).toMatchObject({ thing1: { value: '初中英语口语体验课' } })
    expect(sentTo('silent')).toHaveLength(0)
  })
})
