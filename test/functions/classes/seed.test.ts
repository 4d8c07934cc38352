import type { ClassDetailView, ClassPage, LeadPage } from '../../../cloudfunctions/src/contracts/class-views'
import { seedPersonaMembers } from '../../../local/seed'
import { seedClasses } from '../../../local/seed/classes'
import { startFunctions, type FunctionsHarness } from '../../support/functions'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  const now = h.emu.clock.now()
  await seedPersonaMembers(h.emu, now)
  await seedClasses(h.emu, now)
}, 60_000)
afterAll(() => h.close())

describe('demo classes seed', () => {
  it('should list both demo classes to a member, with sessions in the coming days', async () => {
    const list = await h.ok<ClassPage>('classes', { action: 'listClasses' }, 'dev-member-05')
    expect(list.items.map((c) => c.title).sort()).toEqual(['初中英语口语体验课', '小学数学一对一诊断课'])
    const math = list.items.find((c) => c.subject === 'math')
    const view = await h.ok<ClassDetailView>('classes', { action: 'getClass', classId: math?.id }, 'dev-member-05')
    expect(view.sessions).toHaveLength(2)
    expect(view.sessions.every((s) => s.startAt > h.emu.clock.now() && !s.started)).toBe(true)
    expect(view.mySignup).toBeNull()
  })

  it('should show the English class filtered by grade, with a full session and a waitlist', async () => {
    const list = await h.ok<ClassPage>('classes', { action: 'listClasses', grade: 'g8' }, 'dev-member-05')
    expect(list.items.map((c) => c.title)).toEqual(['初中英语口语体验课'])
    const mine = await h.ok<ClassDetailView>('classes', { action: 'getClass', classId: list.items[0].id }, 'dev-member-08')
    expect(mine.mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    expect(mine.sessions[0]).toMatchObject({ seatsLeft: 0 })
  })

  it('should give staff leads in several stages and the signup award to the math signups', async () => {
    const leads = await h.ok<LeadPage>('classes', { action: 'leads', limit: 50 }, 'dev-teacher-01')
    expect(new Set(leads.items.map((l) => l.stage))).toEqual(new Set(['new', 'contacted', 'booked', 'paid']))
    expect(await h.emu.db.count('points_entries', { reason: 'class_signup' })).toBe(3)
  })

  it.each([
    ['the member list by grade', 'classes', { onShelf: true, grades: 'g8' }, { createdAt: -1 }, /^shelf_/],
    ['the member list by subject', 'classes', { onShelf: true, subject: 'math' }, { createdAt: -1 }, /^shelf_subject_created$/],
    ['a session waitlist', 'class_signups', { sessionId: 's', status: 'waitlisted' }, { waitlistedAt: 1 }, /^session_status_waited$/],
    ['my signups', 'class_signups', { memberId: 'm' }, { createdAt: -1 }, /^member_created$/],
    ['leads by stage', 'class_signups', { stage: 'new' }, { createdAt: -1 }, /^stage_created$/],
    ['due reminders', 'class_signups', { remindAt: { $lte: 1 } }, { remindAt: 1 }, /^remind_at$/],
  ] as const)('should read %s through an index', (_name, collection, query, sort, index) => {
    const plan = h.emu.db.explain(collection, query, { sort, limit: 21 })
    expect(plan.mode).not.toBe('scan')
    expect(plan.index).toMatch(index)
  })
})
