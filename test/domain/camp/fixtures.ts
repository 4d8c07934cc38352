import { newEnrollment, type CheckinSubmission, type EnrollmentDoc, type PeriodDoc } from '@cloud/domain/camp'

/** Epoch ms of a Shanghai wall-clock time, e.g. sh('2026-12-31 23:59:59.999'). */
export const sh = (local: string): number => {
  const ms = Date.parse(`${local.replace(' ', 'T')}+08:00`)
  if (Number.isNaN(ms)) throw new Error(`bad time ${local}`)
  return ms
}

export const MEMBER = 'oMember_001'
export const OTHER = 'oMember_002'

/** A 7-day period across the year end: 第 1 天 = 2026-12-29 … 第 7 天 = 2027-01-04. */
export function makePeriod(overrides: Partial<PeriodDoc> = {}): PeriodDoc {
  return {
    _id: 'period1',
    campId: 'camp1',
    index: 3,
    lengthDays: 7,
    startDay: '2026-12-29',
    tasks: [{ day: 1, theme: '自我介绍', instructions: '用英语介绍自己' }],
    contentTypes: ['text', 'image', 'voice'],
    window: null,
    cutoffMinutes: 0,
    capacity: 100,
    entry: { kind: 'open' },
    boundGroups: [{ groupId: 'G_bound', boundAt: 0, boundBy: 'admin' }],
    joinUntilDay: null,
    points: {
      perCheckin: 10,
      streakMilestones: [
        { days: 3, bonus: 30 },
        { days: 7, bonus: 70 },
      ],
      completion: { minCheckins: 5, bonus: 100 },
      groupMultiplier: 2,
    },
    makeup: { maxCount: 2, withinDays: 3, cost: 20, keepsStreak: true },
    status: 'open',
    teacherIds: ['oTeacher_1'],
    teacherTeams: {},
    stats: null,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  }
}

/** An enrollment joined before the start, with the given days already checked. */
export function makeEnrollment(period: PeriodDoc, overrides: Partial<EnrollmentDoc> = {}, memberId = MEMBER): EnrollmentDoc {
  return { ...newEnrollment(period, { memberId, publicId: `pub-${memberId}` }, 'open', '2026-12-28', sh('2026-12-28 12:00')), ...overrides }
}

export const fileOf = (memberId: string, name: string) => `cloud://env-1.6465-env-1-1300000000/checkins/${memberId}/period1/${name}`

export const textOnly = (text = '今天读了 20 分钟'): CheckinSubmission => ({
  content: { text, images: [], voice: null },
  textVerdict: 'pass',
})

/** The enrollment after the I/O layer wrote a plan's counters. */
export const applied = (enrollment: EnrollmentDoc, plan: { enrollment: Partial<EnrollmentDoc> }): EnrollmentDoc => ({
  ...enrollment,
  ...plan.enrollment,
})
