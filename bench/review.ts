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
    // Fair distribution (issue #17 item 2): every teacher is at work (a presence of now), so no timed call is a
    // teacher "coming back" (that one-off deal is not the steady state).
    await emu.db.insert(
      'review_presence',
      period.teacherIds.map((t) => ({ _id: t, teacherId: t, lastActiveAt: now, absent: false, holding: null })),
    )
    // A cursor ~4,000 items in (the oldest submissions sit at the front; reviewed ones leave the queue).
    const deep = { submittedAt: now - 1_000 * 4_000, id: ids[BACKLOG - 1_000] }
    const first = () => queuePage(teacher(0), filter, null, PAGE, now).then(must)
    const deepPage = (t: number) => queuePage(teacher(t), filter, deep, PAGE, now).then(must)
    const next = (t: number) => nextItem(teacher(t), filter, deep, now).then(must)
    // Each (session, round) reviews its own submission from the back of ITS OWN backlog (dealt in the warm-up), so
    // none collides; the rebalancing after a submit moves the oldest items, never these.
    const own = new Map<string, string[]>()
    const submit = (t: number) =>
      writeReview(
        teacher(t),
        {
          action: 'submitReview',
          checkinId: own.get(teacher(t))?.pop() ?? ids[0],
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
    // Warm-up: the pool is dealt to the 20 teachers (the minute timer's job, in batches of DEAL_PAGE), timed per item;
    // then each teacher's submits come from their own backlog.
    const { dealPeriod } = await import('../cloudfunctions/src/services/review/distribution')
    const DEAL_PAGE = 50
    const dealPerItem: number[] = []
    let dealRequests = 0
    for (;;) {
      let out = { dealt: 0, moved: 0 }
      const t0 = performance.now()
      const n = await emu.countRequests(async () => {
        out = await dealPeriod(period, now, DEAL_PAGE, 0)
      })
      if (out.dealt === 0) break
      dealPerItem.push((performance.now() - t0) / out.dealt)
      dealRequests = Math.max(dealRequests, n / out.dealt)
    }
    // The waiting items as the database holds them (through the SDK, 1000 a page).
    const { idPages } = await import('../cloudfunctions/src/shared/repository')
    const { db } = await import('../cloudfunctions/src/shared/db')
    const waiting = async () => {
      const out: CheckinDoc[] = []
      const col = db().collection('checkins') as unknown as Parameters<typeof idPages<CheckinDoc>>[0]
      for await (const page of idPages<CheckinDoc>(col, { periodId: period._id, reviewStatus: 'pending' })) out.push(...page)
      return out
    }
    const spreadNow = async () => {
      const loads = new Map(period.teacherIds.map((t) => [t, 0]))
      for (const c of await waiting()) if (c.assigneeId) loads.set(c.assigneeId, (loads.get(c.assigneeId) ?? 0) + 1)
      return Math.max(...loads.values()) - Math.min(...loads.values())
    }
    rows.push({
      operation: 'deal (pool → 20 teachers), per item',
      backlog: BACKLOG,
      'db requests/call': Math.round(dealRequests * 10) / 10,
      load: `timer job, batches of ${DEAL_PAGE}, alone`,
      'calls/s': 0,
      p50Ms: ms(percentile(dealPerItem, 50)),
      p95Ms: ms(percentile(dealPerItem, 95)),
      'balance max−min': await spreadNow(),
    })
    for (const c of (await waiting()).sort((a, b) => a.submittedAt - b.submittedAt))
      if (c.assigneeId) own.set(c.assigneeId, [...(own.get(c.assigneeId) ?? []), c._id])
    void ids
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
    rows.push(...(await draftRows(emu, teacher, own, now)))
    // After the timed rounds (each submit dealt / moved ≤ 3 items): one rebalance, and the balance it leaves.
    const t0 = performance.now()
    const last = await dealPeriod(period, now, DEAL_PAGE, 1000)
    rows.push({
      operation: 'rebalance after the rounds',
      backlog: BACKLOG,
      'db requests/call': 0,
      load: `${last.moved} moves, alone`,
      'calls/s': 0,
      p50Ms: ms(performance.now() - t0),
      p95Ms: ms(performance.now() - t0),
      'balance max−min': await spreadNow(),
    })
  } finally {
    await emu.close()
  }
  rows.push(...(await simulationRows()))
  return rows
}

/**
 * AI drafts (issue #17 item 1) on the server, each teacher on items of their own backlog: a draft written on request
 * (the model call is the emulator's deterministic drafter, so this is the function's own cost, not a cloud model's
 * latency), a draft prepared ahead by prefetchDrafts and then read by the teacher opening the item (a cache hit), and
 * the whole review with a prepared draft: that read plus the submit of the accepted draft.
 */
async function draftRows(emu: BenchEmulator, teacher: (t: number) => string, own: Map<string, string[]>, now: number): Promise<Row[]> {
  const { draftFor } = await import('../cloudfunctions/src/services/review/drafts')
  const { writeReview } = await import('../cloudfunctions/src/services/review/submit')
  const budget = process.env.CAMP_AI_DAILY_TOKENS
  // Hundreds of drafts in one bench day: the per-environment budget is not what is measured here.
  process.env.CAMP_AI_DAILY_TOKENS = '100000000'
  const take = (t: number) => {
    const id = own.get(teacher(t))?.pop()
    if (!id) throw new Error(`${teacher(t)} has no waiting item left for the draft rows`)
    return id
  }
  const drafted = async (t: number, id: string, serve: boolean) => {
    const d = await draftFor(teacher(t), id, now, serve)
    if (!('state' in d) || d.state !== 'draft') throw new Error(`no draft for ${id}: ${JSON.stringify(d)}`)
    return d.text
  }
  const submitDraft = (t: number, id: string, comment: string) =>
    writeReview(
      teacher(t),
      { action: 'submitReview', checkinId: id, comment, voice: null, annotatedImages: [], score: 5, fromDraft: true },
      now,
    ).then(must)
  const ops: { name: string; requests: () => Promise<number>; timed: (t: number) => Promise<number> }[] = [
    {
      name: 'draft (written on request, emulator model)',
      requests: () => emu.countRequests(() => drafted(2, take(2), true)),
      timed: (t) => {
        const id = take(t)
        return timeCall(() => drafted(t, id, true))
      },
    },
    {
      name: 'draft (prepared ahead, read on opening)',
      requests: async () => {
        const id = take(2)
        await drafted(2, id, false)
        return emu.countRequests(() => drafted(2, id, true))
      },
      timed: async (t) => {
        const id = take(t)
        await drafted(t, id, false)
        return timeCall(() => drafted(t, id, true))
      },
    },
    {
      name: 'review with a prepared draft (read + submit)',
      requests: async () => {
        const id = take(2)
        await drafted(2, id, false)
        return emu.countRequests(async () => submitDraft(2, id, await drafted(2, id, true)))
      },
      timed: async (t) => {
        const id = take(t)
        await drafted(t, id, false)
        return timeCall(async () => submitDraft(t, id, await drafted(t, id, true)))
      },
    },
  ]
  const rows: Row[] = []
  try {
    for (const op of ops) {
      const requests = await op.requests()
      const { times, perSec } = await runLoad(TEACHERS, ROUNDS, THINK_MS, op.timed)
      rows.push({
        operation: op.name,
        backlog: BACKLOG,
        'db requests/call': requests,
        load: `${TEACHERS} teachers, think 0–${THINK_MS} ms`,
        'calls/s': perSec,
        p50Ms: ms(percentile(times, 50)),
        p95Ms: ms(percentile(times, 95)),
      })
    }
  } finally {
    if (budget === undefined) delete process.env.CAMP_AI_DAILY_TOKENS
    else process.env.CAMP_AI_DAILY_TOKENS = budget
  }
  return rows
}

/**
 * The distribution simulation of the tests (test/functions/review/distribution-sim.ts: 3 teachers, 1,500 submissions
 * over a day through the review FUNCTION, racing opens, one teacher away and back), run once: the balance after every
 * deal, a deal's time per item, and the submit / open p95 inside it. Builds the function bundles first.
 */
async function simulationRows(): Promise<Row[]> {
  const { buildAllFunctions } = await import('../scripts/build-functions')
  await buildAllFunctions()
  const { startFunctions } = await import('../test/support/functions')
  const { runSimulation, SIM_DEFAULTS, p95 } = await import('../test/functions/review/distribution-sim')
  const h = await startFunctions({ sdkInProcess: true })
  try {
    const t0 = performance.now()
    const r = await runSimulation(h, SIM_DEFAULTS)
    const label = `simulation: 3 teachers, ${SIM_DEFAULTS.submissions} submissions, ${SIM_DEFAULTS.rounds} rounds (${Math.round((performance.now() - t0) / 1000)} s)`
    const base = { backlog: SIM_DEFAULTS.submissions, 'calls/s': 0 }
    return [
      {
        ...base,
        operation: `${label}: deal per item`,
        'db requests/call': 0,
        load: `${r.spreads.length} deals; ${r.reviewed} reviewed, ${r.doubleReviews.length} twice, ${r.leaseConflicts.length} lease conflicts`,
        p50Ms: ms(percentile(r.dealMsPerItem, 50)),
        p95Ms: ms(p95(r.dealMsPerItem)),
        'balance max−min': Math.max(...r.spreads),
      },
      {
        ...base,
        operation: `${label}: submit`,
        'db requests/call': 0,
        load: '3 teachers racing',
        p50Ms: ms(percentile(r.submitMs, 50)),
        p95Ms: ms(p95(r.submitMs)),
      },
      {
        ...base,
        operation: `${label}: open (lease)`,
        'db requests/call': 0,
        load: '3 teachers racing',
        p50Ms: ms(percentile(r.openMs, 50)),
        p95Ms: ms(p95(r.openMs)),
      },
    ]
  } finally {
    await h.close()
  }
}
