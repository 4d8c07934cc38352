import { nextReminderAt, nudgeDay, nudgeSkip, planReminderSetting, remindersDue, type EnrollmentDoc } from '@cloud/domain/camp'
import { makeEnrollment, makePeriod, sh } from './fixtures'

const period = makePeriod()
const periods = new Map([[period._id, period]])
const withReminder = (time: string, overrides: Partial<EnrollmentDoc> = {}) =>
  makeEnrollment(period, { reminderTime: time, reminderNextAt: nextReminderAt(period, time, sh('2026-12-28 12:00')), ...overrides })

describe('nextReminderAt', () => {
  it('should start on the first day of the period at the chosen Shanghai time', () => {
    expect(nextReminderAt(period, '20:00', sh('2026-12-20 12:00'))).toBe(sh('2026-12-29 20:00'))
  })

  it('should move to tomorrow once today’s time has passed', () => {
    expect(nextReminderAt(period, '20:00', sh('2026-12-31 20:00'))).toBe(sh('2027-01-01 20:00'))
    expect(nextReminderAt(period, '20:00', sh('2026-12-31 19:59'))).toBe(sh('2026-12-31 20:00'))
  })

  it('should stop after the last day', () => {
    expect(nextReminderAt(period, '20:00', sh('2027-01-04 20:00'))).toBeNull()
  })

  it('should treat 00:30 as the previous business day under a 120-minute cut-off', () => {
    const late = makePeriod({ cutoffMinutes: 120 })
    // 2026-12-29 00:30 belongs to 12-28 (before the start), so the first one is 12-30 00:30 (business day 12-29).
    expect(nextReminderAt(late, '00:30', sh('2026-12-28 12:00'))).toBe(sh('2026-12-30 00:30'))
    expect(nextReminderAt(late, '00:30', sh('2027-01-04 12:00'))).toBe(sh('2027-01-05 00:30'))
    expect(nextReminderAt(late, '00:30', sh('2027-01-05 00:30'))).toBeNull()
  })
})

describe('remindersDue', () => {
  it('should send once when due and schedule the next day', () => {
    const [item] = remindersDue([withReminder('20:00')], periods, sh('2026-12-29 20:01'))
    expect(item).toMatchObject({ send: true, day: '2026-12-29', dayIndex: 1, key: 'reminder:period1:2026-12-29:oMember_001' })
    expect(item.patch).toEqual({ reminderNextAt: sh('2026-12-30 20:00'), reminderLastDay: '2026-12-29' })
  })

  it('should ignore enrollments not yet due', () => {
    expect(remindersDue([withReminder('20:00')], periods, sh('2026-12-29 19:59'))).toEqual([])
  })

  it('should skip members who already checked in that day', () => {
    const [item] = remindersDue([withReminder('20:00', { checkedDays: ['2026-12-29'] })], periods, sh('2026-12-29 20:01'))
    expect(item).toMatchObject({ send: false, skip: 'checked_in', patch: { reminderNextAt: sh('2026-12-30 20:00') } })
  })

  it('should skip a reminder the timer reached too late, without sending a backlog', () => {
    const [item] = remindersDue([withReminder('08:00')], periods, sh('2026-12-31 21:00'))
    expect(item).toMatchObject({ send: false, skip: 'too_late', patch: { reminderNextAt: sh('2027-01-01 08:00') } })
  })

  it('should not send twice for a day already reminded', () => {
    const [item] = remindersDue([withReminder('20:00', { reminderLastDay: '2026-12-29' })], periods, sh('2026-12-29 20:01'))
    expect(item).toMatchObject({ send: false, skip: 'already_sent' })
  })
})

describe('planReminderSetting', () => {
  it('should set the time and the next due instant', () => {
    expect(planReminderSetting(period, '07:30', sh('2026-12-30 08:00'))).toMatchObject({
      ok: true,
      patch: { reminderTime: '07:30', reminderNextAt: sh('2026-12-31 07:30') },
    })
  })

  it('should clear the reminder with null', () => {
    expect(planReminderSetting(period, null, sh('2026-12-30 08:00'))).toMatchObject({
      ok: true,
      patch: { reminderTime: null, reminderNextAt: null },
    })
  })

  it('should refuse a reminder for a period that is over', () => {
    expect(planReminderSetting(period, '07:30', sh('2027-01-06 08:00'))).toMatchObject({ code: 'CAMP.REMINDER_PERIOD_OVER' })
  })
})

describe("a leader's reminder (nudgeDay, nudgeSkip)", () => {
  it('should allow reminders on the period days only, by the Shanghai business day around midnight', () => {
    expect(nudgeDay(period, sh('2026-12-28 23:59:59'))).toBeNull()
    expect(nudgeDay(period, sh('2026-12-29 00:00'))).toEqual({ day: '2026-12-29', dayIndex: 1 })
    expect(nudgeDay(period, sh('2027-01-04 23:59:59'))).toEqual({ day: '2027-01-04', dayIndex: 7 })
    expect(nudgeDay(period, sh('2027-01-05 00:00'))).toBeNull()
  })

  it('should follow the cut-off: 00:30 still reminds for the day before under a 60-minute cut-off', () => {
    const late = makePeriod({ cutoffMinutes: 60 })
    expect(nudgeDay(late, sh('2027-01-05 00:30'))).toEqual({ day: '2027-01-04', dayIndex: 7 })
    expect(nudgeDay(late, sh('2027-01-05 01:00'))).toBeNull()
  })

  it('should refuse drafts and closed periods whatever the calendar says', () => {
    expect(nudgeDay(makePeriod({ status: 'draft' }), sh('2026-12-30 12:00'))).toBeNull()
    expect(nudgeDay(makePeriod({ status: 'closed' }), sh('2026-12-30 12:00'))).toBeNull()
  })

  it('should skip members who checked in (or made the day up), were reminded today, or hold no credit', () => {
    const day = '2026-12-30'
    const base = makeEnrollment(period, { reminderCredits: 1, reminderLastDay: '2026-12-29' })
    expect(nudgeSkip(base, day)).toBeNull()
    expect(nudgeSkip({ ...base, checkedDays: [day] }, day)).toBe('checked_in')
    expect(nudgeSkip({ ...base, madeUpDays: [day] }, day)).toBe('checked_in')
    expect(nudgeSkip({ ...base, reminderLastDay: day }, day)).toBe('already_reminded')
    expect(nudgeSkip({ ...base, reminderCredits: 0 }, day)).toBe('no_credit')
  })
})
