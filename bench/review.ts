/**
 * Teacher review benchmark: the real review services (the code the `review` function runs) through the real
 * wx-server-sdk against the emulator, with a backlog of 5,000 pending submissions in one period (seeded straight into
 * the emulator database in batches, with no backlog counter base: the first queue page recounts once, reported on its
 * own row). Reports database requests per call and p50/p95 for the first queue page, a deep
 * queue page (cursor ~4,000 items in), "next" and a review submit, under the load model of bench/points.ts: every
 * session pauses 0..THINK_MS before each call, or none (saturation).
 */
import { publicIdOf } from '../cloudfunctions/src/domain/identity/public-id'
import { startBenchEmulator, type BenchEmulator } from './emulator-host'
import { addDays, businessDay } from '../cloudfunctions/src/domain/business-day'
import {
  checkinId,
  emptyQueueCounter,
  newEnrollment,
  newPeriod,
  QUEUE_SHARDS,
  type CheckinDoc,
  type PeriodDoc,
} from '../cloudfunctions/src/domain/camp'
import { newMember } from '../cloudfunctions/src/domain/identity'
import { must, runLoad, timeCall } from './load'
import { percentile, type Row } from './table'

const BACKLOG = 5_000
/** Teachers reviewing the same period at once (a big period has a handful; 20 is generous). */
const TEACHERS = 20
const ROUNDS = 10
const THINK_MS = 1000
const PAGE = 20

export function benchPeriod(now: number): PeriodDoc {
  const teacherIds = Array.from({ length: TEACHERS }, (_, i) => `bench-teacher-${i}`)
  const period = newPeriod(
    'bench-review',
    {
      campId: 'bench-review-camp',
      index: 1,
      lengthDays: 21,
      startDay: addDays(businessDay(now), -3),
      tasks: [],
      contentTypes: ['text', 'image', 'voice'],
      window: null,
      cutoffMinutes: 0,
      capacity: BACKLOG * 2,
      entry: { kind: 'open' },
      joinUntilDay: null,
      points: { perCheckin: 10, streakMilestones: [], completion: { minCheckins: 15, bonus: 100 }, groupMultiplier: 1 },
      makeup: { maxCount: 2, withinDays: 3, cost: 20, keepsStreak: true },
      teacherIds,
      teacherTeams: {},
    },
    0,
  )
  return { ...period, status: 'running' }
}

function pendingCheckin(period: PeriodDoc, memberId: string, day: string, submittedAt: number): CheckinDoc {
  return {
    _id: checkinId(period._id, day, memberId),
    periodId: period._id,
    campId: period.campId,
    memberId,
    day,
    dayIndex: 4,
    content: { text: '今天读了一篇英语短文，录了朗读。', images: ['cloud://local-dev.x/checkins/a.jpg'], voice: null },
    moderation: 'pass',
    textVerdict: 'pass',
    mediaChecks: [],
    fromGroup: false,
    makeup: false,
    teamId: null,
    submittedAt,
    submittedDay: day,
    editedAt: null,
    points: 10,
    reviewStatus: 'pending',
    redoCount: 0,
    featured: false,
    featuredAt: null,
  }
}

/** 5,000 members who each submitted today (a few seconds apart, all waiting), their enrollments and profiles. */
export async function seed(emu: BenchEmulator, period: PeriodDoc, now: number): Promise<string[]> {
  const day = businessDay(now)
  const members = Array.from({ length: BACKLOG }, (_, i) => `bench-m-${i}`)
  await emu.db.insert('camps', [{ _id: period.campId, title: '基准点评营', scoreScale: 'stars5', archived: false }])
  await emu.db.insert('periods', [period])
  await emu.db.insert('members', [
    ...members.map((m) => ({ ...newMember(m, now), nickname: m })),
    ...period.teacherIds.map((t, i) => ({ ...newMember(t, now), nickname: `老师${i}`, roles: ['member', 'teacher'] })),
  ])
  await emu.db.insert(
    'enrollments',
    members.map((m) => newEnrollment(period, { memberId: m, publicId: publicIdOf(m) }, 'open', period.startDay, now - 4 * 86_400_000)),
  )
  await emu.db.insert(
    'checkins',
    members.map((m, i) => pendingCheckin(period, m, day, now - (BACKLOG - i) * 4_000)),
  )
  // Counter shards that have all had their first write (a review is then its steady request count), but no base: the
  // check-ins predate the counters, so the first queue read recounts the period.
  await emu.db.insert(
    'queue_counters',
    Array.from({ length: QUEUE_SHARDS }, (_, k) => emptyQueueCounter(period._id, k)),
  )
  return members.map((m) => checkinId(period._id, day, m))
}

const ms = (n: number) => Math.round(n * 100) / 100

export async function benchReview(): Promise<Row[]> {
  const emu = await startBenchEmulator()
  const { queuePage } = await import('../cloudfunctions/src/services/review/queue')
  const { nextItem } = await import('../cloudfunctions/src/services/review/next')
  const { writeReview } = await import('../cloudfunctions/src/services/review/submit')
  const rows: Row[] = []
  try {
    const now = emu.clock.now()
    const period = benchPeriod(now)
    const ids = await seed(emu, period, now)
    // The seed's garbage would otherwise be collected in one long pause during the first timed rows (bench/camp.ts).
    await emu.settle()
    const filter = { kind: 'pending' as const, periodId: period._id, day: 'today' }
    const teacher = (t: number) => `bench-teacher-${t}`
    // A cursor ~4,000 items in (the oldest submissions sit at the front; reviewed ones leave the queue).
    const deep = { submittedAt: now - 1_000 * 4_000, id: ids[BACKLOG - 1_000] }
    const first = () => queuePage(teacher(0), filter, null, PAGE, now).then(must)
    const deepPage = (t: number) => queuePage(teacher(t), filter, deep, PAGE, now).then(must)
    const next = (t: number) => nextItem(teacher(t), filter, deep, now).then(must)
    // Each (session, round) reviews its own submission from the back of the queue, so none collides.
    let used = 0
    const submit = (t: number) =>
      writeReview(
        teacher(t),
        {
          action: 'submitReview',
          checkinId: ids[BACKLOG - 1 - used++],
          comment: '读得很好，注意语调。',
          voice: null,
          annotatedImages: [],
          score: 4,
        },
        now,
      ).then(must)
    // The backlog was seeded straight into the database, as check-ins from before the counters: the first read
    // recounts the period once (services/camp/queue-counters.ts) and adds its base; every later one reads the counters.
    let recountMs = 0
    const recountRequests = await emu.countRequests(async () => {
      recountMs = await timeCall(first)
    })
    rows.push({
      operation: 'queue page (first, one-time recount)',
      backlog: BACKLOG,
      'db requests/call': recountRequests,
      load: 'once, alone',
      'calls/s': 0,
      p50Ms: ms(recountMs),
      p95Ms: ms(recountMs),
    })
    const requests = {
      'queue page (first)': await emu.countRequests(first),
      'queue page (deep, cursor)': await emu.countRequests(() => deepPage(1)),
      'next (opened)': await emu.countRequests(() => next(1)),
      'review submit': await emu.countRequests(() => submit(1)),
    }
    const ops: [keyof typeof requests, (t: number) => Promise<unknown>][] = [
      ['queue page (first)', (t) => queuePage(teacher(t), filter, null, PAGE, now).then(must)],
      ['queue page (deep, cursor)', deepPage],
      ['next (opened)', next],
      ['review submit', submit],
    ]
    for (const [name, op] of ops)
      for (const think of [THINK_MS, 0]) {
        const { times, perSec } = await runLoad(TEACHERS, ROUNDS, think, (t) => timeCall(() => op(t)))
        rows.push({
          operation: name,
          backlog: BACKLOG,
          'db requests/call': requests[name],
          load: think ? `${TEACHERS} teachers, think 0–${think} ms` : `${TEACHERS} in flight (saturation)`,
          'calls/s': perSec,
          p50Ms: ms(percentile(times, 50)),
          p95Ms: ms(percentile(times, 95)),
        })
      }
  } finally {
    await emu.close()
  }
  return rows
}
