/**
 * The review queue's backlog counters (issue #17 item 5, services/camp/queue-counters.ts): after every kind of write
 * that moves a check-in in or out of the backlog, the counters equal a recount of the check-ins themselves, the queue's
 * first page answers them, and 20 parallel check-ins, a period recounted while members check in, and a failed counter
 * write leave them exact.
 */
import type { QueueCounterDoc } from '../../../cloudfunctions/src/domain/camp'
import { BASE_K, checkinId, FOLD_EVERY_MS, QUEUE_SHARDS, shardOf, TAIL_MARGIN_MS } from '../../../cloudfunctions/src/domain/camp'
import { foldQueueCreations, queueCountsOf } from '../../../cloudfunctions/src/services/camp/queue-counters'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { databaseTrail } from '../../support/request-trail'
import { joined, upload } from '../camp/support'
import {
  advance,
  at,
  camp,
  dropQueueCounters,
  LI,
  periodWithSubmissions,
  review,
  reviewOk,
  today,
  updateDoc,
  WANG,
  handTo,
} from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

const checkIn = (periodId: string, member: string) => camp(h, 'checkin', { periodId, text: `${member} 的打卡` }, member)

/** The period's total in a queue page's backlog (the backlog covers all the teacher's periods). */
const backlogIn = (page: { backlog: { byPeriod: { periodId: string; count: number }[] } | null }, periodId: string) =>
  page.backlog?.byPeriod.find((p) => p.periodId === periodId)?.count ?? 0

type Cells = { days: Record<string, number>; teams: Record<string, Record<string, number>> }

const bump = (m: Record<string, number>, key: string, n: number) => {
  m[key] = (m[key] ?? 0) + n
  if (m[key] === 0) delete m[key]
}

/** The backlog counted from the check-ins themselves: pending, not risky, by day and by team and day. */
async function recounted(periodId: string): Promise<Cells> {
  const docs = (await h.emu.db.find('checkins', { periodId, reviewStatus: 'pending', moderation: { $ne: 'risky' } })) as {
    day: string
    teamId: string | null
  }[]
  const out: Cells = { days: {}, teams: {} }
  for (const c of docs) {
    bump(out.days, c.day, 1)
    if (c.teamId) bump((out.teams[c.teamId] ??= {}), c.day, 1)
  }
  return out
}

/**
 * The period's base and shards summed, plus the creations not folded into the base yet (check-ins stamped `queuedAt`
 * from the base's foldedUntil on), straight from the stored documents (the base must exist: the period is counted).
 */
async function counters(periodId: string): Promise<Cells> {
  const shards = (await h.emu.db.find('queue_counters', { periodId })) as QueueCounterDoc[]
  const bases = shards.filter((s) => s.k === BASE_K)
  expect(bases).toHaveLength(1)
  expect(shards.every((s) => s.k === BASE_K || (s.k >= 0 && s.k < QUEUE_SHARDS))).toBe(true)
  const out: Cells = { days: {}, teams: {} }
  for (const s of shards) {
    for (const [d, n] of Object.entries(s.days)) bump(out.days, d, n)
    for (const [t, byDay] of Object.entries(s.teams)) for (const [d, n] of Object.entries(byDay)) bump((out.teams[t] ??= {}), d, n)
  }
  const created = (await h.emu.db.find('checkins', { periodId, queuedAt: { $gte: bases[0].foldedUntil ?? 0 } })) as {
    day: string
    teamId: string | null
  }[]
  for (const c of created) {
    bump(out.days, c.day, 1)
    if (c.teamId) bump((out.teams[c.teamId] ??= {}), c.day, 1)
  }
  for (const t of Object.keys(out.teams)) if (Object.keys(out.teams[t]).length === 0) delete out.teams[t]
  return out
}

/** Counters = recount, and the queue's first page shows the same per-day backlog. */
async function expectExact(periodId: string): Promise<number> {
  const truth = await recounted(periodId)
  expect(await counters(periodId)).toEqual(truth)
  const page = await reviewOk(h, 'queue', { periodId }, LI)
  const shown = Object.fromEntries((page.backlog?.byPeriodDay ?? []).filter((g) => g.periodId === periodId).map((g) => [g.day, g.count]))
  expect(shown).toEqual(truth.days)
  return Object.values(truth.days).reduce((a, b) => a + b, 0)
}

describe('queue counters follow every write that moves the backlog', () => {
  it('should match a recount after check-ins, a same-day edit, a review, a return, a redo and its review', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['qc-a', 'qc-b', 'qc-c'])
    expect(await expectExact(period._id)).toBe(3)

    expect((await camp(h, 'editCheckin', { periodId: period._id, day: today(h), text: '改过的打卡' }, 'qc-a')).code).toBe(0)
    expect(await expectExact(period._id)).toBe(3)

    await reviewOk(h, 'submitReview', { checkinId: ids[1], comment: '很好', score: 5 }, LI)
    expect(await expectExact(period._id)).toBe(2)
    // Editing one's own review moves nothing.
    await reviewOk(h, 'editReview', { checkinId: ids[1], comment: '非常好' }, LI)
    expect(await expectExact(period._id)).toBe(2)

    // 王老师 returns one 李老师 holds: an operator hands it over first (fair distribution, issue #17 item 2).
    await handTo(h, ids[2], WANG)
    await reviewOk(h, 'returnForRedo', { checkinId: ids[2], reason: '请补上录音' }, WANG)
    expect(await expectExact(period._id)).toBe(1)

    expect((await camp(h, 'editCheckin', { periodId: period._id, day: today(h), text: '重做的打卡' }, 'qc-c')).code).toBe(0)
    expect(await expectExact(period._id)).toBe(2)

    // The redo re-entered through the pool (anyone of the period may take it); ids[0] is 李老师's until handed over.
    await reviewOk(h, 'submitReview', { checkinId: ids[2], comment: '这次好了', score: 5 }, WANG)
    await handTo(h, ids[0], WANG)
    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '不错', score: 4 }, WANG)
    expect(await expectExact(period._id)).toBe(0)
  })

  it('should take a check-in out when its image is found risky, and when a teacher rejects flagged text', async () => {
    const { period } = await periodWithSubmissions(h, ['qc-clean'])
    await joined(h, period, ['qc-img', 'qc-held'])
    const image = await upload(h, 'qc-img', period._id, 'risky-picture.jpg')
    expect((await camp(h, 'checkin', { periodId: period._id, images: [image] }, 'qc-img')).code).toBe(0)
    expect((await camp(h, 'checkin', { periodId: period._id, text: '这段话里有待审核词' }, 'qc-held')).code).toBe(0)
    // Pending media checks and text held for a teacher both wait in the backlog.
    expect(await expectExact(period._id)).toBe(3)

    await h.emu.openapi.deliverPendingMediaChecks()
    expect(await expectExact(period._id)).toBe(2)

    await reviewOk(h, 'moderate', { checkinId: checkinId(period._id, today(h), 'qc-held'), decision: 'reject' }, LI)
    expect(await expectExact(period._id)).toBe(1)
  })

  it('should leave them alone for a make-up, which never enters the queue', async () => {
    const { period } = await periodWithSubmissions(h, ['qc-mend'])
    await at(h, '2026-03-04 09:00')
    expect((await checkIn(period._id, 'qc-mend')).code).toBe(0)
    const before = await h.emu.db.find('queue_counters', { periodId: period._id })
    expect((await camp(h, 'makeup', { periodId: period._id, day: '2026-03-03' }, 'qc-mend')).code).toBe(0)
    expect(await h.emu.db.find('queue_counters', { periodId: period._id })).toEqual(before)
    expect(await expectExact(period._id)).toBe(2)
  })

  it('should count a team-narrowed teacher only their teams', async () => {
    const { period } = await periodWithSubmissions(h, [], { teacherTeams: { [LI]: ['team-red'] } })
    await joined(h, period, ['qc-red', 'qc-blue'])
    await updateDoc(h, 'enrollments', `${period._id}:qc-red`, { teamId: 'team-red' })
    await updateDoc(h, 'enrollments', `${period._id}:qc-blue`, { teamId: 'team-blue' })
    for (const m of ['qc-red', 'qc-blue']) expect((await checkIn(period._id, m)).code).toBe(0)
    expect(await counters(period._id)).toEqual(await recounted(period._id))
    expect(backlogIn(await reviewOk(h, 'queue', { periodId: period._id }, LI), period._id)).toBe(1)
    expect(backlogIn(await reviewOk(h, 'queue', { periodId: period._id }, WANG), period._id)).toBe(2)
  })
})

describe('queue counters under races and faults', () => {
  it('should count 20 parallel check-ins exactly without writing a counter, stamped queuedAt (issue #12 item 9)', async () => {
    const members = Array.from({ length: 20 }, (_, i) => `qc-par-${i}`)
    const { period } = await periodWithSubmissions(h, [])
    await joined(h, period, members)
    const results = await Promise.all(members.map((m) => checkIn(period._id, m)))
    expect(results.map((r) => r.code)).toEqual(members.map(() => 0))
    expect(await expectExact(period._id)).toBe(20)
    // No document of the period is shared by its check-ins: the base (made with the period) is its only counter.
    expect(((await h.emu.db.find('queue_counters', { periodId: period._id })) as QueueCounterDoc[]).map((d) => d.k)).toEqual([BASE_K])
    const docs = (await h.emu.db.find('checkins', { periodId: period._id })) as { queuedAt?: number; submittedAt: number }[]
    expect(docs.every((c) => c.queuedAt === c.submittedAt)).toBe(true)
  })

  it('should fold creations older than the margin into the base once, and stay exact while reviews net them out', async () => {
    const members = Array.from({ length: 6 }, (_, i) => `qc-fold-${i}`)
    const { period } = await periodWithSubmissions(h, [])
    await joined(h, period, members)
    for (const m of members.slice(0, 4)) expect((await checkIn(period._id, m)).code).toBe(0)
    const ids = ((await h.emu.db.find('checkins', { periodId: period._id })) as { _id: string }[]).map((c) => c._id)
    // Two of them reviewed before any fold: each review is a −1 in a shard, its creation is still only in the document.
    await handTo(h, ids[0], LI)
    await handTo(h, ids[1], LI)
    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '好', score: 5 }, LI)
    expect(await expectExact(period._id)).toBe(3)
    const base = () => h.emu.db.find('queue_counters', { periodId: period._id, k: BASE_K }) as Promise<QueueCounterDoc[]>

    // Younger than the margin: a fold leaves them in the documents.
    const t0 = h.emu.clock.now()
    expect(await foldQueueCreations([period._id], t0 + TAIL_MARGIN_MS - 60_000)).toBe(1)
    expect((await base())[0]).toMatchObject({ pending: 0, foldedUntil: t0 - 60_000 })
    expect(await expectExact(period._id)).toBe(3)
    // Past it (and FOLD_EVERY_MS after the last fold): the four creations move into the base, once.
    await advance(h, TAIL_MARGIN_MS + FOLD_EVERY_MS)
    expect((await base())[0]).toMatchObject({ pending: 4 })
    expect((await base())[0].foldedUntil).toBeGreaterThan(t0)
    expect(await expectExact(period._id)).toBe(3)
    const folded = JSON.stringify(h.emu.db.dump())
    expect(await foldQueueCreations([period._id], h.emu.clock.now())).toBe(0)
    expect(JSON.stringify(h.emu.db.dump())).toBe(folded)

    // Later check-ins and reviews keep it exact, folded or not.
    for (const m of members.slice(4)) expect((await checkIn(period._id, m)).code).toBe(0)
    await reviewOk(h, 'submitReview', { checkinId: ids[1], comment: '好', score: 5 }, LI)
    expect(await expectExact(period._id)).toBe(4)
    await advance(h, TAIL_MARGIN_MS + FOLD_EVERY_MS)
    expect((await base())[0]).toMatchObject({ pending: 6 })
    expect(await expectExact(period._id)).toBe(4)
  })

  it('should leave the base as it was when any write of a fold fails or its commit answer is lost, and fold once after', async () => {
    const { period } = await periodWithSubmissions(h, [])
    await joined(h, period, ['qc-ff-a', 'qc-ff-b'])
    for (const m of ['qc-ff-a', 'qc-ff-b']) expect((await checkIn(period._id, m)).code).toBe(0)
    const later = h.emu.clock.now() + TAIL_MARGIN_MS + FOLD_EVERY_MS
    for (const fault of [
      { action: 'database.modifyDocument', collection: 'queue_counters', when: 'before' as const },
      { action: 'database.commitTransaction', when: 'before' as const },
    ]) {
      const before = JSON.stringify(h.emu.db.dump())
      h.emu.faults.failNext(fault)
      await expect(foldQueueCreations([period._id], later)).rejects.toThrow()
      expect(h.emu.faults.pending()).toBe(0)
      h.emu.faults.clear()
      expect(JSON.stringify(h.emu.db.dump())).toBe(before)
      expect(await expectExact(period._id)).toBe(2)
    }
    // The commit applied, its answer lost: the fold reports the failure; the next one finds foldedUntil moved and adds nothing.
    h.emu.faults.failNext({ action: 'database.commitTransaction', when: 'after' })
    await expect(foldQueueCreations([period._id], later)).rejects.toThrow()
    h.emu.faults.clear()
    expect(await foldQueueCreations([period._id], later)).toBe(0)
    expect(await h.emu.db.find('queue_counters', { periodId: period._id, k: BASE_K })).toMatchObject([{ pending: 2 }])
    expect(await expectExact(period._id)).toBe(2)
  })

  it('should answer a period without counters by one recount, add its base, then read its counters in one request', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['qc-old-a', 'qc-old-b', 'qc-old-c'])
    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '好', score: 5 }, LI)
    await dropQueueCounters(h, period._id)
    expect(await h.emu.db.count('queue_counters', { periodId: period._id })).toBe(0)

    const first = await reviewOk(h, 'queue', { periodId: period._id }, LI)
    expect(backlogIn(first, period._id)).toBe(2)
    expect(await expectExact(period._id)).toBe(2)
    const trail = await databaseTrail(h, () => reviewOk(h, 'queue', { periodId: period._id }, LI))
    // One counter read, nothing written, and one check-in read more than the items themselves take: the `$group` of
    // the creations not folded yet (one for all the teacher's periods).
    expect(trail.filter((r) => r.endsWith('queue_counters'))).toEqual(['database.getDocument queue_counters'])
    const cursor = { submittedAt: 0, id: ids[0] }
    const deep = await databaseTrail(h, () => reviewOk(h, 'queue', { periodId: period._id, cursor }, LI))
    expect(trail.filter((r) => r.endsWith(' checkins'))).toEqual([
      ...deep.filter((r) => r.endsWith(' checkins')),
      'database.aggregateDocuments checkins',
    ])

    // Recounted counters keep counting: a review of an old check-in and a new check-in.
    await reviewOk(h, 'submitReview', { checkinId: ids[1], comment: '好', score: 5 }, LI)
    await joined(h, period, ['qc-old-d'])
    expect((await checkIn(period._id, 'qc-old-d')).code).toBe(0)
    expect(await expectExact(period._id)).toBe(2)
  })

  it('should seed a missing shard on its first write, and give a recount up when a check-in or a review lands between its reads', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['qc-gap-a', 'qc-gap-x'])
    await joined(h, period, ['qc-gap-b', 'qc-gap-c'])
    await dropQueueCounters(h, period._id)
    // A check-in writes no counter; the first review of one seeds its shard (update finds nothing, then set).
    expect((await checkIn(period._id, 'qc-gap-b')).code).toBe(0)
    expect(await h.emu.db.count('queue_counters', { periodId: period._id })).toBe(0)
    await handTo(h, ids[1], LI)
    await reviewOk(h, 'submitReview', { checkinId: ids[1], comment: '好', score: 5 }, LI)
    const k = shardOf(ids[1])
    expect(await h.emu.db.find('queue_counters', { periodId: period._id })).toEqual([
      expect.objectContaining({ _id: `qc:${period._id}:${k}`, k, writes: 1, pending: -1 }),
    ])

    // A check-in between the count and the second read: a new creation, so no base is added.
    const first = await queueCountsOf([period._id], 1000, {
      afterCount: async () => expect((await checkIn(period._id, 'qc-gap-c')).code).toBe(0),
    })
    // The answer is the count it made (before the late check-in); no base was added, so the period is still uncounted.
    expect(Object.values(first.get(period._id)?.days ?? {})).toEqual([2])
    expect(await h.emu.db.count('queue_counters', { periodId: period._id, k: BASE_K })).toBe(0)

    // A review between them moves a shard's writes: given up too.
    const second = await queueCountsOf([period._id], 1000, {
      afterCount: async () => {
        await handTo(h, ids[0], LI)
        await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '好', score: 5 }, LI)
      },
    })
    expect(Object.values(second.get(period._id)?.days ?? {})).toEqual([3])
    expect(await h.emu.db.count('queue_counters', { periodId: period._id, k: BASE_K })).toBe(0)

    // The next read recounts with nothing in between: counted and exact.
    expect(backlogIn(await reviewOk(h, 'queue', { periodId: period._id }, LI), period._id)).toBe(2)
    expect(await expectExact(period._id)).toBe(2)
  })

  it('should count the creations of a period read with more than one `$or` of periods (50 a request)', async () => {
    const { period } = await periodWithSubmissions(h, [])
    await joined(h, period, ['qc-or-a', 'qc-or-b'])
    for (const m of ['qc-or-a', 'qc-or-b']) expect((await checkIn(period._id, m)).code).toBe(0)
    const others = Array.from({ length: 60 }, (_, i) => `qc-or-none-${i}`)
    const counts = await queueCountsOf([...others, period._id])
    expect(Object.values(counts.get(period._id)?.days ?? {})).toEqual([2])
  })

  it('should stay exact when a period is recounted while members check in and teachers review', async () => {
    const members = Array.from({ length: 12 }, (_, i) => `qc-live-${i}`)
    const { period, ids } = await periodWithSubmissions(h, ['qc-live-x', 'qc-live-y'])
    await joined(h, period, members)
    await dropQueueCounters(h, period._id)
    // A shard a check-in seeds before the recount is no base: the read still recounts.
    expect((await checkIn(period._id, members[0])).code).toBe(0)
    const racing = await Promise.all([
      ...members.slice(1).map((m) => checkIn(period._id, m)),
      review(h, 'submitReview', { checkinId: ids[0], comment: '好', score: 5 }, LI),
      review(h, 'queue', { periodId: period._id }, WANG),
      review(h, 'queue', { periodId: period._id }, LI),
    ])
    expect(racing.map((r) => r.code)).toEqual(racing.map(() => 0))
    // Whether or not a racing read managed to add the base, one more read leaves the period counted and exact.
    await reviewOk(h, 'queue', { periodId: period._id }, LI)
    expect(await expectExact(period._id)).toBe(1 + members.length)
  })
})
