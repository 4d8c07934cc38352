import { canMoveLead, newSignup, planAttendance, planLeadUpdate, reshare, type Signup } from '../../../cloudfunctions/src/domain/classes'

const NOW = Date.UTC(2026, 10, 25, 2)
const base: Signup = {
  ...newSignup({
    cls: {
      _id: 'c',
      title: 't',
      subject: 'math',
      grades: ['g1'],
      description: '',
      coverFileId: null,
      teacherName: 'x',
      signupPoints: 0,
      onShelf: true,
      createdAt: 0,
      updatedAt: 0,
    },
    session: { _id: 's', classId: 'c', startAt: NOW, durationMin: 30, capacity: 3, seatShards: 3, createdAt: 0, updatedAt: 0 },
    memberId: 'm',
    phone: '13800001111',
    childGrade: 'g1',
    seatShard: 1,
    previous: null,
    now: NOW - 1000,
  }),
}

describe('lead pipeline', () => {
  it.each([
    ['new', 'contacted', true],
    ['contacted', 'booked', true],
    ['booked', 'paid', true],
    ['contacted', 'lost', true],
    ['lost', 'contacted', true],
    ['new', 'paid', false],
    ['paid', 'lost', false],
    ['booked', 'new', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMoveLead(from, to)).toBe(allowed)
  })

  it('should keep the note when only the stage changes', () => {
    const out = planLeadUpdate({ ...base, note: '下午回电' }, 'contacted', undefined, NOW)
    expect(out).toMatchObject({ ok: true, signup: { stage: 'contacted', note: '下午回电' } })
  })
})

describe('attendance', () => {
  it('should mark a seated member once the session started, never a waitlisted or cancelled one', () => {
    expect(planAttendance(base, 'attended', NOW, NOW)).toMatchObject({ ok: true, signup: { status: 'attended' } })
    expect(planAttendance(base, 'attended', NOW, NOW - 1)).toMatchObject({ code: 'CLASS.SESSION_NOT_STARTED' })
    expect(planAttendance({ ...base, status: 'waitlisted' }, 'absent', NOW, NOW)).toMatchObject({ code: 'CLASS.SIGNUP_STATE' })
    expect(planAttendance({ ...base, status: 'cancelled' }, 'absent', NOW, NOW)).toMatchObject({ code: 'CLASS.SIGNUP_STATE' })
  })
})

describe('reshare', () => {
  it('should keep each shard’s taken seats and never admit more than the capacity in total', () => {
    expect(reshare(2, [0, 0, 1, 1])).toEqual([0, 0, 1, 1])
    expect(reshare(6, [1, 0, 1])).toEqual([3, 1, 2])
    const caps = reshare(5, [2, 0, 0, 1])
    expect(caps.reduce((a, b) => a + b, 0)).toBe(5)
  })
})
