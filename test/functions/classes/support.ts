import type { ClassDetailView, ClassView, MySignupView, SessionView } from '../../../cloudfunctions/src/contracts/class-views'
import type { FunctionsHarness } from '../../support/functions'

export const ADMIN = 'class-admin'
export const TEACHER = 'class-teacher'
export const HOUR = 3600_000
export const DAY = 24 * HOUR

let phoneSeq = 0
/** A fresh mainland mobile per member, so rosters can tell them apart. */
export const phoneOf = () => `139${String(10_000_000 + phoneSeq++).slice(-8)}`

/** What `wx.cloud.CloudID(…)` of a getPhoneNumber result becomes: a CloudID the emulator issued to `openid`. */
export function phoneCloudId(h: FunctionsHarness, openid: string, phoneNumber = phoneOf()): { cloudID: string } {
  return { cloudID: h.emu.openapi.issueCloudId(openid, 'phoneNumber', { phoneNumber, purePhoneNumber: phoneNumber, countryCode: '86' }) }
}

export async function giveClass(h: FunctionsHarness, fields: Record<string, unknown> = {}): Promise<ClassView> {
  const cls = { title: '小学数学一对一诊断课', subject: 'math', grades: ['g3', 'g4'], teacherName: '李老师', onShelf: true, ...fields }
  return h.ok<ClassView>('classes', { action: 'createClass', cls, requestId: `rq-${Math.random().toString(36).slice(2, 12)}` }, ADMIN)
}

export async function giveSession(h: FunctionsHarness, classId: string, fields: Record<string, unknown> = {}): Promise<SessionView> {
  const session = { startAt: h.emu.clock.now() + 2 * DAY, durationMin: 45, capacity: 5, ...fields }
  return h.ok<SessionView>(
    'classes',
    { action: 'addSession', classId, session, requestId: `rq-${Math.random().toString(36).slice(2, 12)}` },
    ADMIN,
  )
}

export const signUp = (h: FunctionsHarness, openid: string, classId: string, sessionId: string, extra: Record<string, unknown> = {}) =>
  h.call<MySignupView>(
    'classes',
    { action: 'signUp', classId, sessionId, childGrade: 'g3', phone: phoneCloudId(h, openid), ...extra },
    openid,
  )

export const cancel = (h: FunctionsHarness, openid: string, classId: string) =>
  h.call<MySignupView>('classes', { action: 'cancelSignup', classId }, openid)

export const detail = (h: FunctionsHarness, openid: string, classId: string) =>
  h.ok<ClassDetailView>('classes', { action: 'getClass', classId }, openid)

export const signupDoc = async (h: FunctionsHarness, classId: string, openid: string) =>
  (await h.emu.db.find('class_signups', { _id: `${classId}:${openid}` }))[0] as { status: string; phone: string; stage: string } | undefined

export const statusCounts = async (h: FunctionsHarness, sessionId: string) => ({
  confirmed: await h.emu.db.count('class_signups', { sessionId, status: 'confirmed' }),
  waitlisted: await h.emu.db.count('class_signups', { sessionId, status: 'waitlisted' }),
  seats: ((await h.emu.db.find('class_seats', { sessionId })) as { taken: number }[]).reduce((s, x) => s + x.taken, 0),
})

export const balanceOf = async (h: FunctionsHarness, memberId: string) =>
  (await h.ok<{ balance: number }>('points', { action: 'balance' }, memberId)).balance
