import {
  canSignUp,
  decideExisting,
  maskPhone,
  newSignup,
  phoneFromOpenData,
  planCancel,
  type ClassSession,
  type FreeClass,
  type Signup,
} from '../../../cloudfunctions/src/domain/classes'

const NOW = Date.UTC(2026, 10, 25, 2)
const cls: FreeClass = {
  _id: 'cls-1',
  title: '小学数学一对一诊断课',
  subject: 'math',
  grades: ['g3'],
  description: '',
  coverFileId: null,
  teacherName: '李老师',
  signupPoints: 10,
  onShelf: true,
  createdAt: NOW,
  updatedAt: NOW,
}
const session: ClassSession = {
  _id: 'ses-1',
  classId: 'cls-1',
  startAt: NOW + 3600_000,
  durationMin: 45,
  capacity: 5,
  seatShards: 5,
  createdAt: NOW,
  updatedAt: NOW,
}
const signup = (fields: Partial<Signup> = {}): Signup => ({
  ...newSignup({ cls, session, memberId: 'm1', phone: '13800001111', childGrade: 'g3', seatShard: 0, previous: null, now: NOW }),
  ...fields,
})

describe('phoneFromOpenData', () => {
  it('should take the number WeChat resolved and normalise it', () => {
    expect(phoneFromOpenData({ cloudID: 'x', data: { phoneNumber: '+86 138-0000-1111' } })).toEqual({ ok: true, phone: '13800001111' })
  })
  it.each([
    [undefined, 'CLASS.PHONE_REQUIRED'],
    [{ cloudID: 'x', errCode: -601006, errMsg: 'cloudID expired' }, 'CLASS.PHONE_EXPIRED'],
    [{ cloudID: 'x', errCode: -601007, errMsg: 'not yours' }, 'CLASS.PHONE_INVALID'],
    [{ cloudID: 'x', data: { phoneNumber: '12345' } }, 'CLASS.PHONE_INVALID'],
  ])('should refuse %j with %s', (resolved, code) => {
    expect(phoneFromOpenData(resolved)).toMatchObject({ ok: false, code })
  })
})

describe('canSignUp', () => {
  it('should accept a future session of a class on the shelf with a known grade', () => {
    expect(canSignUp({ cls, session, childGrade: 'g4', now: NOW })).toEqual({ ok: true, childGrade: 'g4' })
  })
  it.each([
    ['off the shelf', { cls: { ...cls, onShelf: false } }, 'CLASS.NOT_FOUND'],
    ['another class’s session', { session: { ...session, classId: 'cls-2' } }, 'CLASS.SESSION_NOT_FOUND'],
    ['a started session', { now: session.startAt }, 'CLASS.SESSION_STARTED'],
    ['an unknown grade', { childGrade: 'g13' }, 'CLASS.GRADE_INVALID'],
  ])('should refuse %s', (_name, patch, code) => {
    expect(canSignUp({ cls, session, childGrade: 'g3', now: NOW, ...patch })).toMatchObject({ ok: false, code })
  })
})

describe('decideExisting', () => {
  it('should replay an active signup for the same session and refuse another session', () => {
    const s = signup()
    expect(decideExisting(s, 'ses-1')).toEqual({ kind: 'replay', signup: s })
    expect(decideExisting(s, 'ses-2')).toMatchObject({ code: 'CLASS.ALREADY_SIGNED_UP' })
  })
  it('should allow signing up again after a cancel, keeping the lead stage', () => {
    const previous = signup({ status: 'cancelled', stage: 'contacted', note: '回电' })
    expect(decideExisting(previous, 'ses-2')).toEqual({ kind: 'new' })
    const next = newSignup({
      cls,
      session,
      memberId: 'm1',
      phone: '13800001111',
      childGrade: 'g3',
      seatShard: null,
      previous,
      now: NOW + 1,
    })
    expect(next).toMatchObject({ status: 'waitlisted', waitlistedAt: NOW + 1, stage: 'contacted', note: '回电' })
  })
  it('should refuse a member whose signup was already marked attended', () => {
    expect(decideExisting(signup({ status: 'attended' }), 'ses-1')).toMatchObject({ code: 'CLASS.SIGNUP_STATE' })
  })
})

describe('planCancel', () => {
  it('should free the seat of a confirmed signup and not of a waitlisted one', () => {
    expect(planCancel(signup(), 'm1', session.startAt, NOW)).toMatchObject({
      changed: true,
      freesSeat: true,
      signup: { status: 'cancelled', seatShard: null },
    })
    expect(planCancel(signup({ status: 'waitlisted', seatShard: null }), 'm1', session.startAt, NOW)).toMatchObject({ freesSeat: false })
  })
  it('should change nothing on a repeated cancel and refuse someone else’s or a started session', () => {
    expect(planCancel(signup({ status: 'cancelled' }), 'm1', session.startAt, NOW)).toMatchObject({ ok: true, changed: false })
    expect(planCancel(signup(), 'm2', session.startAt, NOW)).toMatchObject({ code: 'CLASS.SIGNUP_NOT_FOUND' })
    expect(planCancel(signup(), 'm1', session.startAt, session.startAt)).toMatchObject({ code: 'CLASS.SESSION_STARTED' })
  })
})

describe('maskPhone', () => {
  it('should keep the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
})
