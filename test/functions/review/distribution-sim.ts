/**
 * The fair-distribution simulation (issue #17 item 2's proof), shared by its test and the review bench: one period,
 * three teachers working at different speeds through the review function, submissions arriving over a day, one
 * teacher marked away mid-day and back. Deterministic for a seed (mulberry32); the clock is frozen inside a round and
 * moved (waiting for the minute timer's deal) between rounds.
 *
 * Seeding: the first submissions go through the real check-in function (joined members); the rest are copies of one
 * of them written in-process by the same transaction a check-in makes for the review side — the check-in document and
 * its ONE counter `_.inc` (bumpQueueCountersInTx) — because 1,500 joins + check-ins through the function would take
 * minutes on a shared CI machine while exercising nothing of the distribution (check-ins never deal; they land in the
 * pool with `assigneeId: null` either way).
 */
import { checkinId, type CheckinDoc } from '../../../cloudfunctions/src/domain/camp'
import { LEASE_MS } from '../../../cloudfunctions/src/domain/review'
import { bumpQueueCountersInTx } from '../../../cloudfunctions/src/services/camp/queue-counters'
import { withTransaction } from '../../../cloudfunctions/src/shared/db'
import type { FunctionsHarness } from '../../support/functions'
import { checkin, joined, openPeriod, sh } from '../camp/support'
import { backlogsFromItems, itemsOf, OPERATOR, spread, threeTeachers, ZHANG } from './distribution-support'
import { LI, review, today, WANG } from './support'

export interface SimOptions {
  seed: number
  submissions: number
  rounds: number
  /** Actions per round of each teacher (their speeds). */
  speeds: Record<string, number>
  /** Submissions through the real check-in function (the rest are seeded in-process). */
  viaFunction: number
  /** Rounds (0-based) at which ZHANG is marked away, and back. */
  awayAt: number
  backAt: number
}

export const SIM_DEFAULTS: SimOptions = {
  seed: 20261203,
  submissions: 1500,
  rounds: 32,
  speeds: { [LI]: 7, [WANG]: 5, [ZHANG]: 3 },
  viaFunction: 20,
  awayAt: 14,
  backAt: 20,
}

export interface SimResult {
  reviewed: number
  /** Successful submits (must equal `reviewed`: no check-in reviewed twice). */
  submitsOk: number
  doubleReviews: string[]
  /** Items two teachers held a live lease on (or one opened while another submitted it) within one round. */
  leaseConflicts: string[]
  /** After every deal (the timer between rounds, and setAway): max − min of the present teachers' backlogs, from the items. */
  spreads: number[]
  /** Wall time of each timer deal, divided by the items it moved (ms per item), for the bench. */
  dealMsPerItem: number[]
  submitMs: number[]
  openMs: number[]
  codes: Record<string, number>
  backlogAtEnd: Record<string, number>
  pool: number
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Writes `doc` as a check-in does for the review side (needs the SDK pointed at the emulator, in process). */
async function seedCheckin(doc: CheckinDoc): Promise<void> {
  await withTransaction(async (tx) => {
    await tx.collection('checkins').add({ data: doc })
    await bumpQueueCountersInTx(tx, null, doc)
  })
}

export async function runSimulation(h: FunctionsHarness, opts: SimOptions = SIM_DEFAULTS): Promise<SimResult> {
  const rand = mulberry32(opts.seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]
  const teachersOfPeriod = [LI, WANG, ZHANG]
  await threeTeachers(h)
  const dayStart = sh('2026-03-02 07:00')
  const roundMs = Math.floor((16 * 3600_000) / opts.rounds)
  h.emu.clock.set(dayStart, { frozen: true })
  await h.emu.runtime.fireDueTriggers()
  const period = await openPeriod(h, { teacherIds: teachersOfPeriod })
  const day = today(h)

  const result: SimResult = {
    reviewed: 0,
    submitsOk: 0,
    doubleReviews: [],
    leaseConflicts: [],
    spreads: [],
    dealMsPerItem: [],
    submitMs: [],
    openMs: [],
    codes: {},
    backlogAtEnd: {},
    pool: 0,
  }
  const count = (code: unknown) => (result.codes[String(code)] = (result.codes[String(code)] ?? 0) + 1)
  let template: CheckinDoc | null = null
  let arrived = 0
  let requestSeq = 0
  const away = new Set<string>()

  const arrive = async (n: number) => {
    const members = Array.from({ length: n }, (_, i) => `sim-${arrived + i}`)
    const direct = members.filter((_, i) => arrived + i < opts.viaFunction)
    if (direct.length > 0) {
      await joined(h, period, direct)
      for (const m of direct) {
        const res = await checkin(h, period._id, m, { text: `${m} 的打卡` })
        if (res.code !== 0) throw new Error(`check-in failed: ${JSON.stringify(res)}`)
      }
      template ??= ((await h.emu.db.find('checkins', { _id: checkinId(period._id, day, direct[0]) })) as CheckinDoc[])[0]
    }
    const seeded = members.slice(direct.length)
    for (let i = 0; i < seeded.length; i += 10)
      await Promise.all(
        seeded.slice(i, i + 10).map((m) =>
          seedCheckin({
            ...(template as CheckinDoc),
            _id: checkinId(period._id, day, m),
            memberId: m,
            submittedAt: h.emu.clock.now() + i,
            content: { ...(template as CheckinDoc).content, text: `${m} 的打卡` },
            assigneeId: null,
          }),
        ),
      )
    arrived += n
  }

  /** Deal now (the timer's job) and record the spread of the present teachers' backlogs. */
  const checkSpread = async () => {
    const { owners } = await backlogsFromItems(h, period._id)
    result.spreads.push(
      spread(
        owners,
        teachersOfPeriod.filter((t) => !away.has(t)),
      ),
    )
  }
  const timerDeal = async () => {
    const before = await backlogsFromItems(h, period._id)
    const started = Date.now()
    const out = await h.emu.runtime.runTrigger('review', 'jobs', { Job: 'deal' })
    const ms = Date.now() - started
    const res = out as unknown as { result?: { code?: number; data?: { dealt: number; moved: number } } }
    const data = res.result?.data
    const movedItems = data ? data.dealt + data.moved : before.pool
    if (movedItems > 0) result.dealMsPerItem.push(ms / movedItems)
    await checkSpread()
  }

  type Event = { teacher: string; item: string; kind: 'open' | 'submit' }
  const perTeacher = async (teacher: string, actions: number, events: Event[], waitingIds: string[]) => {
    for (let a = 0; a < actions; a++) {
      // Now and then a race: open some waiting item of the period, whoever it is dealt to.
      if (waitingIds.length > 0 && rand() < 0.2) {
        const target = pick(waitingIds)
        const t0 = Date.now()
        const res = await review(h, 'open', { checkinId: target }, teacher)
        result.openMs.push(Date.now() - t0)
        count(`race-open:${res.code}`)
        // Opening an item already reviewed shows it (no lease): only an open of a waiting one is a lease.
        if (res.code === 0 && res.data.review === null) events.push({ teacher, item: target, kind: 'open' })
      }
      const queue = await review(h, 'queue', { periodId: period._id, day: 'all', limit: 5 }, teacher)
      if (queue.code !== 0) throw new Error(`queue failed: ${JSON.stringify(queue)}`)
      const items = queue.data.items
      if (items.length === 0) continue
      const c = pick(items.slice(0, 3)).id
      if (rand() < 0.5) {
        const t0 = Date.now()
        const opened = await review(h, 'open', { checkinId: c }, teacher)
        result.openMs.push(Date.now() - t0)
        count(`open:${opened.code}`)
        if (opened.code !== 0) continue
        if (opened.data.review !== null) continue
        events.push({ teacher, item: c, kind: 'open' })
      }
      const t0 = Date.now()
      const done = await review(
        h,
        'submitReview',
        { checkinId: c, comment: '读得不错', requestId: `sim-req-${String(++requestSeq).padStart(6, '0')}` },
        teacher,
      )
      result.submitMs.push(Date.now() - t0)
      count(`submit:${done.code}`)
      if (done.code === 0) {
        result.submitsOk++
        events.push({ teacher, item: c, kind: 'submit' })
      }
    }
  }

  const perRound = Math.ceil(opts.submissions / opts.rounds)
  for (let r = 0; r < opts.rounds; r++) {
    h.emu.clock.set(dayStart + r * roundMs, { frozen: true })
    await h.emu.runtime.fireDueTriggers()
    await arrive(Math.min(perRound, opts.submissions - arrived))
    await timerDeal()
    if (r === opts.awayAt) {
      away.add(ZHANG)
      await review(h, 'setAway', { periodId: period._id, teacherId: ZHANG, away: true }, OPERATOR)
      await checkSpread()
    }
    if (r === opts.backAt) {
      away.delete(ZHANG)
      await review(h, 'setAway', { periodId: period._id, teacherId: ZHANG, away: false }, OPERATOR)
      await checkSpread()
    }
    const waitingIds = (await itemsOf(h, period._id)).filter((c) => c.reviewStatus === 'pending').map((c) => c._id)
    const events: Event[] = []
    const working = teachersOfPeriod.filter((t) => !away.has(t))
    await Promise.all(working.map((t) => perTeacher(t, opts.speeds[t], events, waitingIds)))
    // Inside one round the clock stands still (every lease taken in it is live): per item, one teacher only.
    const byItem = new Map<string, Set<string>>()
    for (const e of events) byItem.set(e.item, (byItem.get(e.item) ?? new Set()).add(e.teacher))
    for (const [item, who] of byItem) if (who.size > 1) result.leaseConflicts.push(`${r}:${item}:${[...who].join(',')}`)
    // A teacher holds at most one live lease.
    const now = h.emu.clock.now()
    const live = (await itemsOf(h, period._id)).filter((c) => c.lease && now < c.lease.until)
    const holders = live.map((c) => c.lease!.holder)
    if (new Set(holders).size !== holders.length) result.leaseConflicts.push(`${r}:two-leases-one-teacher`)
  }
  h.emu.clock.set(dayStart + opts.rounds * roundMs + LEASE_MS, { frozen: true })
  await h.emu.runtime.fireDueTriggers()
  await timerDeal()

  const reviews = (await h.emu.db.find('reviews', { periodId: period._id })) as { checkinId: string; round: number }[]
  const per = new Map<string, number>()
  for (const rv of reviews) per.set(`${rv.checkinId}:${rv.round}`, (per.get(`${rv.checkinId}:${rv.round}`) ?? 0) + 1)
  result.doubleReviews = [...per].filter(([, n]) => n > 1).map(([k]) => k)
  result.reviewed = reviews.length
  const end = await backlogsFromItems(h, period._id)
  result.backlogAtEnd = end.owners
  result.pool = end.pool
  return result
}

export const p95 = (xs: readonly number[]): number => {
  if (xs.length === 0) return 0
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]
}
