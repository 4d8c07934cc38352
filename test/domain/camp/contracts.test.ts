import { CampRequest, CheckinRequest, JoinRequest, MakeupRequest, PeriodCreateRequest, ReminderRequest } from '@cloud/contracts/camp'
import { fileOf, MEMBER } from './fixtures'

const img = (i: number) => fileOf(MEMBER, `${i}.jpg`)

describe('camp contracts', () => {
  it('should accept a check-in with defaults for missing content parts', () => {
    const parsed = CheckinRequest.parse({ action: 'checkin', periodId: 'p1', text: '打卡' })
    expect(parsed).toEqual({ action: 'checkin', periodId: 'p1', text: '打卡', images: [], voice: null })
  })

  it('should refuse 10 images, 1001 characters, 61-second voice and non-cloud file ids', () => {
    expect(
      CheckinRequest.safeParse({ action: 'checkin', periodId: 'p1', images: Array.from({ length: 10 }, (_, i) => img(i)) }).success,
    ).toBe(false)
    expect(CheckinRequest.safeParse({ action: 'checkin', periodId: 'p1', text: 'a'.repeat(1001) }).success).toBe(false)
    expect(CheckinRequest.safeParse({ action: 'checkin', periodId: 'p1', voice: { fileId: img(1), durationSec: 61 } }).success).toBe(false)
    expect(CheckinRequest.safeParse({ action: 'checkin', periodId: 'p1', images: ['http://evil/x.jpg'] }).success).toBe(false)
  })

  it('should count emoji as one character each', () => {
    expect(CheckinRequest.safeParse({ action: 'checkin', periodId: 'p1', text: '😀'.repeat(1000) }).success).toBe(true)
  })

  it('should refuse unknown fields such as a claimed memberId', () => {
    expect(CheckinRequest.safeParse({ action: 'checkin', periodId: 'p1', text: 'x', memberId: 'oSomeoneElse' }).success).toBe(false)
  })

  it('should accept group-enter info as a cloudID string or as the object WeChat substitutes', () => {
    expect(JoinRequest.safeParse({ action: 'join', periodId: 'p1', groupCloudId: 'cid' }).success).toBe(true)
    expect(
      JoinRequest.safeParse({ action: 'join', periodId: 'p1', groupCloudId: { cloudID: 'cid', data: { opengid: 'G1', watermark: {} } } })
        .success,
    ).toBe(true)
  })

  it('should refuse ids that could break an idempotency key', () => {
    expect(MakeupRequest.safeParse({ action: 'makeup', periodId: 'p1:x', day: '2026-12-30' }).success).toBe(false)
    expect(MakeupRequest.safeParse({ action: 'makeup', periodId: 'p1', day: '2026/12/30' }).success).toBe(false)
  })

  it('should validate reminder times and allow clearing', () => {
    expect(ReminderRequest.safeParse({ action: 'setReminder', periodId: 'p1', time: '24:00' }).success).toBe(false)
    expect(ReminderRequest.safeParse({ action: 'setReminder', periodId: 'p1', time: null }).success).toBe(true)
  })

  it('should parse a period with defaults and dispatch by action', () => {
    const period = {
      action: 'createPeriod',
      requestId: 'req-00000001',
      campId: 'c1',
      index: 1,
      lengthDays: 7,
      startDay: '2026-12-29',
      contentTypes: ['voice'],
      window: { start: '06:00', end: '23:00' },
      capacity: 200,
      entry: { kind: 'invite_code', code: 'ABCD' },
      points: {
        perCheckin: 10,
        streakMilestones: [{ days: 7, bonus: 50 }],
        completion: { minCheckins: 6, bonus: 100 },
        groupMultiplier: 2,
      },
      makeup: { maxCount: 2, withinDays: 3, cost: 20, keepsStreak: true },
    }
    expect(PeriodCreateRequest.parse(period)).toMatchObject({
      cutoffMinutes: 0,
      tasks: [],
      joinUntilDay: null,
      teacherIds: [],
    })
    expect(CampRequest.safeParse({ ...period, lengthDays: 10 }).success).toBe(false)
  })
})
