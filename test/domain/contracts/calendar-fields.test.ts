/**
 * Every date, day and time field of every request contract goes through contracts/calendar.ts: a real calendar value
 * parses, an impossible one is refused at that very field (the handler answers REQUEST.INVALID instead of letting a
 * RangeError out of date arithmetic as SYS.INTERNAL).
 */
import type { ZodTypeAny } from 'zod'
import { AnalyticsRequest } from '../../../cloudfunctions/src/contracts/analytics'
import { CampRequest } from '../../../cloudfunctions/src/contracts/camp'
import { ClassesRequest } from '../../../cloudfunctions/src/contracts/classes'
import { InvitesRequest } from '../../../cloudfunctions/src/contracts/invites'
import { MallRequest } from '../../../cloudfunctions/src/contracts/mall'
import { ReviewRequest } from '../../../cloudfunctions/src/contracts/review'

const BAD_DAYS = ['2026-02-30', '2026-13-45', '2026-00-10', '2025-02-29', '2026-04-31', '0000-01-01', '1969-12-31', '9999-12-31']
const BAD_TIMES = ['24:00', '12:60', '7:30', '99:99']
const BAD_EPOCHS = [-1, 1.5, 1e300, Number.MAX_SAFE_INTEGER, 8.64e15 + 1, Date.UTC(2200, 0, 1)]
const CHECKIN = (day: string) => `checkin:p1:${day}:m1`

const period = {
  requestId: 'req-00000001',
  campId: 'c1',
  index: 1,
  lengthDays: 7,
  startDay: '2026-03-02',
  tasks: [{ day: 1, theme: '自我介绍', instructions: '用英语介绍自己' }],
  contentTypes: ['text'],
  window: { start: '06:00', end: '22:00' },
  capacity: 100,
  entry: { kind: 'open' },
  points: { perCheckin: 10, streakMilestones: [], completion: { minCheckins: 3, bonus: 100 }, groupMultiplier: 1 },
  makeup: { maxCount: 2, withinDays: 3, cost: 20, keepsStreak: true },
}
const item = { kind: 'physical', title: '笔记本', cost: 100, stock: 5, saleStart: 1_700_000_000_000, saleEnd: 1_800_000_000_000 }

type Case = { name: string; schema: ZodTypeAny; payload: Record<string, unknown>; path: (string | number)[]; bad: unknown[] }

const cases: Case[] = [
  {
    name: 'camp.createPeriod startDay',
    schema: CampRequest,
    payload: { action: 'createPeriod', ...period },
    path: ['startDay'],
    bad: BAD_DAYS,
  },
  {
    name: 'camp.createPeriod window.start',
    schema: CampRequest,
    payload: { action: 'createPeriod', ...period },
    path: ['window', 'start'],
    bad: BAD_TIMES,
  },
  {
    name: 'camp.createPeriod window.end',
    schema: CampRequest,
    payload: { action: 'createPeriod', ...period },
    path: ['window', 'end'],
    bad: BAD_TIMES,
  },
  {
    name: 'camp.updatePeriod startDay',
    schema: CampRequest,
    payload: { action: 'updatePeriod', periodId: 'p1', startDay: '2026-03-02' },
    path: ['startDay'],
    bad: BAD_DAYS,
  },
  {
    name: 'camp.updatePeriod window.start',
    schema: CampRequest,
    payload: { action: 'updatePeriod', periodId: 'p1', window: { start: '06:00', end: '22:00' } },
    path: ['window', 'start'],
    bad: BAD_TIMES,
  },
  {
    name: 'camp.editCheckin day',
    schema: CampRequest,
    payload: { action: 'editCheckin', periodId: 'p1', day: '2026-03-02', text: '好' },
    path: ['day'],
    bad: BAD_DAYS,
  },
  {
    name: 'camp.makeup day',
    schema: CampRequest,
    payload: { action: 'makeup', periodId: 'p1', day: '2024-02-29' },
    path: ['day'],
    bad: BAD_DAYS,
  },
  {
    name: 'camp.myCheckin day',
    schema: CampRequest,
    payload: { action: 'myCheckin', periodId: 'p1', day: '2026-12-31' },
    path: ['day'],
    bad: BAD_DAYS,
  },
  {
    name: 'camp.setReminder time',
    schema: CampRequest,
    payload: { action: 'setReminder', periodId: 'p1', time: '23:59' },
    path: ['time'],
    bad: BAD_TIMES,
  },
  {
    name: 'camp.feed cursor.beforeAt',
    schema: CampRequest,
    payload: { action: 'feed', periodId: 'p1', cursor: { beforeAt: 1_700_000_000_000, skip: 0 } },
    path: ['cursor', 'beforeAt'],
    bad: BAD_EPOCHS,
  },
  { name: 'review.queue day', schema: ReviewRequest, payload: { action: 'queue', day: '2026-03-02' }, path: ['day'], bad: BAD_DAYS },
  {
    name: 'review.queue cursor.submittedAt',
    schema: ReviewRequest,
    payload: { action: 'queue', cursor: { submittedAt: 1_700_000_000_000, id: CHECKIN('2026-03-02') } },
    path: ['cursor', 'submittedAt'],
    bad: BAD_EPOCHS,
  },
  {
    name: 'review.next after.id (the day inside a check-in id)',
    schema: ReviewRequest,
    payload: { action: 'next', after: { submittedAt: 1, id: CHECKIN('2026-03-02') } },
    path: ['after', 'id'],
    bad: BAD_DAYS.map(CHECKIN),
  },
  {
    name: 'review.open checkinId',
    schema: ReviewRequest,
    payload: { action: 'open', checkinId: CHECKIN('2026-03-02') },
    path: ['checkinId'],
    bad: BAD_DAYS.map(CHECKIN),
  },
  {
    name: 'review.submitReview checkinId',
    schema: ReviewRequest,
    payload: { action: 'submitReview', checkinId: CHECKIN('2026-03-02'), comment: '很好' },
    path: ['checkinId'],
    bad: BAD_DAYS.map(CHECKIN),
  },
  { name: 'review.stats day', schema: ReviewRequest, payload: { action: 'stats', day: '2026-03-02' }, path: ['day'], bad: BAD_DAYS },
  { name: 'review.statsAll day', schema: ReviewRequest, payload: { action: 'statsAll', day: '2026-03-02' }, path: ['day'], bad: BAD_DAYS },
  {
    name: 'analytics.setRounds rounds[].startDay',
    schema: AnalyticsRequest,
    payload: { action: 'setRounds', periodId: 'p1', rounds: [{ name: '第一轮', startDay: '2026-03-09' }] },
    path: ['rounds', 0, 'startDay'],
    bad: BAD_DAYS,
  },
  {
    name: 'classes.addSession session.startAt',
    schema: ClassesRequest,
    payload: {
      action: 'addSession',
      classId: 'k1',
      session: { startAt: 1_700_000_000_000, durationMin: 60, capacity: 10 },
      requestId: 'req-00000001',
    },
    path: ['session', 'startAt'],
    bad: BAD_EPOCHS,
  },
  {
    name: 'classes.updateSession patch.startAt',
    schema: ClassesRequest,
    payload: { action: 'updateSession', sessionId: 's1', patch: { startAt: 1_700_000_000_000 } },
    path: ['patch', 'startAt'],
    bad: BAD_EPOCHS,
  },
  {
    name: 'mall.createItem item.saleStart',
    schema: MallRequest,
    payload: { action: 'createItem', item, requestId: 'req-00000001' },
    path: ['item', 'saleStart'],
    bad: BAD_EPOCHS,
  },
  {
    name: 'mall.createItem item.saleEnd',
    schema: MallRequest,
    payload: { action: 'createItem', item, requestId: 'req-00000001' },
    path: ['item', 'saleEnd'],
    bad: BAD_EPOCHS,
  },
  {
    name: 'mall.updateItem patch.saleEnd',
    schema: MallRequest,
    payload: { action: 'updateItem', itemId: 'i1', patch: { saleEnd: 1_800_000_000_000 } },
    path: ['patch', 'saleEnd'],
    bad: BAD_EPOCHS,
  },
  {
    name: 'mall.myOrders before',
    schema: MallRequest,
    payload: { action: 'myOrders', before: 1_700_000_000_000 },
    path: ['before'],
    bad: BAD_EPOCHS,
  },
  {
    name: 'mall.fulfilmentQueue before',
    schema: MallRequest,
    payload: { action: 'fulfilmentQueue', before: 1_700_000_000_000 },
    path: ['before'],
    bad: BAD_EPOCHS,
  },
  {
    name: 'invites.mine before.claimedAt',
    schema: InvitesRequest,
    payload: { action: 'mine', before: { claimedAt: 1_700_000_000_000, skip: 0 } },
    path: ['before', 'claimedAt'],
    bad: BAD_EPOCHS,
  },
]

function withValue(payload: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(payload)
  let at: Record<string | number, unknown> = copy
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>
  at[path[path.length - 1]] = value
  return copy
}

describe('date, day and time fields of the contracts', () => {
  it.each(cases)('should accept a real value for $name', ({ schema, payload }) => {
    const parsed = schema.safeParse(payload)
    expect(parsed.success ? 'ok' : parsed.error.issues).toBe('ok')
  })

  it.each(cases)('should refuse impossible values of $name at that field', ({ schema, payload, path, bad }) => {
    for (const value of bad) {
      const parsed = schema.safeParse(withValue(payload, path, value))
      expect(parsed.success).toBe(false)
      if (!parsed.success) expect(parsed.error.issues.map((i) => i.path.join('.'))).toContain(path.join('.'))
    }
  })
})
