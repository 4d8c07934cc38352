import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, DAY, giveClass, giveSession, HOUR, phoneCloudId, signUp, cancel } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await h.member('applicant')
})
afterAll(() => h.close())

describe('classes bad input', () => {
  let classId = ''
  let sessionId = ''
  beforeAll(async () => {
    const cls = await giveClass(h)
    classId = cls.id
    sessionId = (await giveSession(h, cls.id)).id
  })

  const cases: [string, () => Record<string, unknown>, string][] = [
    ['an unknown class', () => ({ classId: 'cls-nope' }), 'CLASS.NOT_FOUND'],
    ['an unknown session', () => ({ sessionId: 'ses-nope' }), 'CLASS.SESSION_NOT_FOUND'],
    ['a grade that does not exist', () => ({ childGrade: 'g13' }), 'CLASS.GRADE_INVALID'],
    ['no phone CloudID', () => ({ phone: undefined }), 'CLASS.PHONE_REQUIRED'],
    ['a CloudID issued to another member', () => ({ phone: phoneCloudId(h, 'someone-else') }), 'CLASS.PHONE_INVALID'],
    [
      'a phone number the client claims itself',
      () => ({ phone: { cloudID: 'forged', data: { phoneNumber: '13800000000' } } }),
      'CLASS.PHONE_INVALID',
    ],
    ['a typed phone string that is no CloudID', () => ({ phone: '13800000000' }), 'CLASS.PHONE_INVALID'],
  ]

  it.each(cases)('should refuse %s and write nothing', async (_name, patch, code) => {
    const event = { classId, sessionId, childGrade: 'g3', phone: phoneCloudId(h, 'applicant'), ...patch() }
    const res = await signUp(h, 'applicant', event.classId as string, event.sessionId as string, event)
    expect(res).toMatchObject({ code })
    expect(await h.emu.db.count('class_signups', { memberId: 'applicant' })).toBe(0)
  })

  it('should refuse an expired phone CloudID', async () => {
    const phone = phoneCloudId(h, 'applicant')
    h.emu.clock.advance(6 * 60_000)
    const res = await signUp(h, 'applicant', classId, sessionId, { phone })
    expect(res).toMatchObject({ code: 'CLASS.PHONE_EXPIRED' })
    expect(await h.emu.db.count('class_signups', { memberId: 'applicant' })).toBe(0)
  })

  it('should refuse a class that is off the shelf', async () => {
    const hidden = await giveClass(h, { onShelf: false })
    const s = await giveSession(h, hidden.id)
    expect(await signUp(h, 'applicant', hidden.id, s.id)).toMatchObject({ code: 'CLASS.NOT_FOUND' })
    expect(await h.call('classes', { action: 'getClass', classId: hidden.id }, 'applicant')).toMatchObject({ code: 'CLASS.NOT_FOUND' })
  })

  it('should refuse signing up for or cancelling a session that has started', async () => {
    const cls = await giveClass(h)
    const s = await giveSession(h, cls.id, { startAt: h.emu.clock.now() + HOUR })
    await h.member('late')
    expect((await signUp(h, 'late', cls.id, s.id)).code).toBe(0)
    h.emu.clock.advance(HOUR + 1)
    expect(await signUp(h, 'applicant', cls.id, s.id)).toMatchObject({ code: 'CLASS.SESSION_STARTED' })
    expect(await cancel(h, 'late', cls.id)).toMatchObject({ code: 'CLASS.SESSION_STARTED' })
    expect(await h.emu.db.count('class_signups', { classId: cls.id, status: 'confirmed' })).toBe(1)
  })

  it('should refuse a session that starts in the past', async () => {
    const cls = await giveClass(h)
    const res = await h.call(
      'classes',
      {
        action: 'addSession',
        classId: cls.id,
        session: { startAt: h.emu.clock.now() - DAY, durationMin: 30, capacity: 3 },
        requestId: 'req-00000001',
      },
      ADMIN,
    )
    expect(res).toMatchObject({ code: 'CLASS.INVALID' })
    expect(await h.emu.db.count('class_sessions', { classId: cls.id })).toBe(0)
  })
})

describe('classes roles', () => {
  it.each([
    ['createClass', { cls: { title: '偷偷建课', subject: 'math', grades: ['g1'], teacherName: '某人' } }],
    ['roster', { sessionId: 'ses-x' }],
    ['leads', {}],
    ['updateLead', { signupId: 'a:b', stage: 'paid' }],
    ['markAttendance', { signupId: 'a:b', mark: 'attended' }],
  ])('should refuse a member calling the staff action %s', async (action, payload) => {
    const before = await h.emu.db.count('classes')
    expect(await h.call('classes', { action, ...payload }, 'applicant')).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await h.emu.db.count('classes')).toBe(before)
  })

  it('should ignore an identity in the request and use the caller', async () => {
    const res = await h.call('classes', { action: 'mySignups', memberId: ADMIN }, 'applicant')
    expect(res).toMatchObject({ code: 'REQUEST.INVALID' })
  })
})
