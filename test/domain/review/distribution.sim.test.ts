import fc from 'fast-check'
import { businessDay } from '@cloud/domain/business-day'
import {
  applyCounterPatch,
  assignNew,
  bindMoves,
  canMove,
  checkSubmit,
  claim,
  counterPatches,
  isAway,
  leaseLive,
  markAbsent,
  moveTo,
  planRebalance,
  readQueueCounts,
  touchPresence,
  UNASSIGNED,
  type Assignable,
  type CountedCheckin,
  type Presence,
  type QueueCounterShard,
  type TeacherLoad,
} from '@cloud/domain/review'

/**
 * One simulated day of a period: 3 teachers at different speeds, 1,500 submissions, tC leaving at 10:00 (marked
 * absent by an operator that minute, back at 15:00), tB on a break 18:00–20:30 (goes idle → away at 20:00). Within each
 * minute arrivals and teacher actions run in a random order, teachers sometimes abandon an opened item (its lease
 * runs out), poke at a random waiting item, or submit one they never opened. The World below is the service glue
 * (the database as maps, the domain functions deciding); the Oracle is an independent model of the rules.
 *
 * "Backlog" of a teacher = waiting (pending) items whose assigneeId is that teacher, counted from the items themselves.
 */
const MIN = 60_000
const HOUR = 60 * MIN
const T0 = Date.UTC(2026, 11, 2, 23) // 07:00 Shanghai, 2026-12-03
const TEACHERS = ['tA', 'tB', 'tC'] as const
const MEAN_WORK_MIN: Record<string, number> = { tA: 2, tB: 4, tC: 6 }
const SUBMISSIONS = 1500
/** The oracle's own reading of the spec: leases last 10 minutes; 2 hours without activity = away; activity is recorded at most 5 minutes late. */
const SPEC_LEASE = 10 * MIN
const SPEC_AWAY = 2 * HOUR
const SPEC_TOUCH_SLACK = 5 * MIN

type Item = Assignable & CountedCheckin

function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class World {
  items = new Map<string, Item>()
  waiting = new Set<string>()
  shards = new Map<string, QueueCounterShard>()
  /** Items moved by rebalancing. */
  moves = 0
  presence = new Map<string, Presence>(TEACHERS.map((t) => [t, { _id: t, teacherId: t, lastActiveAt: T0, absent: false, holding: null }]))

  write(before: Item | null, after: Item): void {
    this.items.set(after._id, after)
    if (after.reviewStatus === 'pending') this.waiting.add(after._id)
    else this.waiting.delete(after._id)
    for (const p of counterPatches(before, after)) {
      const shard = this.shards.get(p.docId)
      this.shards.set(p.docId, shard ? applyCounterPatch(shard, p.inc) : p.seed)
    }
  }

  loadOf(owner: string): number {
    return readQueueCounts([...this.shards.values()], owner).pending
  }

  arrive(id: string, now: number): void {
    const loads = Object.fromEntries(TEACHERS.map((t) => [t, this.loadOf(t)]))
    const assigneeId = assignNew(id, loads, [...this.presence.values()], now)
    const day = businessDay(now)
    this.write(null, {
      _id: id,
      periodId: 'p1',
      day,
      submittedAt: now,
      queuedAt: now,
      reviewStatus: 'pending',
      moderation: 'pass',
      assigneeId,
      lease: null,
      pinned: false,
    })
  }

  claim(teacher: string, id: string, now: number): boolean {
    const item = this.items.get(id) as Item
    const p = this.presence.get(teacher) as Presence
    const r = claim(item, p, item.assigneeId ? (this.presence.get(item.assigneeId) ?? null) : null, now)
    if (!r.ok) return false
    if (r.release) {
      const held = this.items.get(r.release) as Item
      if (held.lease?.holder === teacher) this.write(held, { ...held, lease: null })
    }
    this.write(item, r.item)
    this.presence.set(teacher, r.presence)
    return true
  }

  submit(teacher: string, id: string, now: number): boolean {
    const item = this.items.get(id) as Item
    if (checkSubmit(item, teacher, now) !== null) return false
    this.write(item, { ...item, reviewStatus: 'reviewed', lease: null })
    const p = this.presence.get(teacher) as Presence
    this.presence.set(teacher, touchPresence(p, now, p.holding === id ? null : p.holding) ?? p)
    return true
  }

  touch(teacher: string, now: number): void {
    const p = touchPresence(this.presence.get(teacher) as Presence, now)
    if (p) this.presence.set(teacher, p)
  }

  rebalance(now: number): void {
    const owners = [...TEACHERS, UNASSIGNED]
    const assigned = (o: string) => (o === UNASSIGNED ? null : o)
    const waiting = [...this.waiting].map((id) => this.items.get(id) as Item)
    const loads: TeacherLoad[] = owners.map((o) => ({
      teacherId: o,
      backlog: this.loadOf(o),
      movable: waiting.filter((i) => canMove(i, assigned(o), now)).length,
      away: o === UNASSIGNED || isAway(this.presence.get(o) as Presence, now),
    }))
    for (const { item, from, to } of bindMoves(planRebalance(loads), waiting, now)) {
      const fresh = this.items.get(item._id) as Item
      if (!canMove(fresh, assigned(from), now)) continue
      this.write(fresh, moveTo(fresh, to))
      this.moves++
    }
  }
}

class Oracle {
  reviews = new Map<string, string[]>()
  leases = new Map<string, { holder: string; until: number }>()
  held = new Map<string, string>()
  lastActive = new Map<string, number>(TEACHERS.map((t) => [t, T0]))
  absent = new Set<string>()
  violations: string[] = []
  /** Steps at which the balance was checked among at least two surely present teachers. */
  balanced = 0

  active(t: string, now: number): void {
    this.lastActive.set(t, now)
    this.absent.delete(t)
  }

  foreignLease(id: string, t: string, now: number): boolean {
    const l = this.leases.get(id)
    return l !== undefined && l.holder !== t && now < l.until
  }

  claimed(t: string, id: string, now: number): void {
    if (this.foreignLease(id, t, now)) this.violations.push(`${t} leased ${id} while ${this.leases.get(id)?.holder} held it`)
    if (this.reviews.has(id)) this.violations.push(`${t} claimed reviewed ${id}`)
    const before = this.held.get(t)
    if (before !== undefined && before !== id) this.leases.delete(before)
    this.leases.set(id, { holder: t, until: now + SPEC_LEASE })
    this.held.set(t, id)
    this.active(t, now)
  }

  submitted(t: string, id: string, now: number): void {
    if (this.foreignLease(id, t, now)) this.violations.push(`${t} submitted ${id} while ${this.leases.get(id)?.holder} held it`)
    this.reviews.set(id, [...(this.reviews.get(id) ?? []), t])
    if ((this.reviews.get(id) as string[]).length > 1) this.violations.push(`${id} reviewed twice`)
    this.leases.delete(id)
    if (this.held.get(t) === id) this.held.delete(t)
    this.active(t, now)
  }

  /** Away for sure (the implementation may record activity up to 5 minutes late, never early). */
  surelyAway = (t: string, now: number) => this.absent.has(t) || now - (this.lastActive.get(t) as number) >= SPEC_AWAY
  surelyPresent = (t: string, now: number) => !this.absent.has(t) && now - (this.lastActive.get(t) as number) < SPEC_AWAY - SPEC_TOUCH_SLACK

  check(items: Iterable<Item>, now: number, step: string): void {
    const backlog = new Map<string, number>(TEACHERS.map((t) => [t, 0]))
    const stray: string[] = []
    for (const i of items) {
      if (i.reviewStatus !== 'pending') continue
      if (i.assigneeId === null) stray.push(i._id)
      else backlog.set(i.assigneeId, (backlog.get(i.assigneeId) ?? 0) + 1)
      if (
        i.assigneeId !== null &&
        this.surelyAway(i.assigneeId, now) &&
        !(this.leases.get(i._id)?.holder === i.assigneeId && now < (this.leases.get(i._id)?.until ?? 0))
      )
        stray.push(`${i._id}@${i.assigneeId}`)
    }
    const present = TEACHERS.filter((t) => this.surelyPresent(t, now))
    if (present.length === 0) return
    const counts = present.map((t) => backlog.get(t) as number)
    if (present.length >= 2) this.balanced++
    if (Math.max(...counts) - Math.min(...counts) > 1) this.violations.push(`${step}: backlogs ${present.join('/')} = ${counts.join('/')}`)
    if (stray.length > 0) this.violations.push(`${step}: not flowed back: ${stray.slice(0, 3).join(', ')}`)
  }
}

interface Desk {
  id: string
  finishAt: number
}

function simulate(seed: number): { world: World; oracle: Oracle; steps: number } {
  const rnd = prng(seed)
  const world = new World()
  const oracle = new Oracle()
  const arrivals = Array.from({ length: SUBMISSIONS }, () => T0 + Math.floor(rnd() * 24 * HOUR)).sort((a, b) => a - b)
  const desks = new Map<string, Desk | null>(TEACHERS.map((t) => [t, null]))
  const working = (t: string, now: number) =>
    !(t === 'tC' && now >= T0 + 3 * HOUR && now < T0 + 8 * HOUR) && !(t === 'tB' && now >= T0 + 11 * HOUR && now < T0 + 13.5 * HOUR)
  let next = 0
  let steps = 0
  let operatorDone = false

  /** A random waiting item, half the time one somebody holds a live lease on (the contested case). */
  const poke = (now: number): string | undefined => {
    const all = [...world.waiting]
    const leased = all.filter((id) => leaseLive(world.items.get(id)?.lease ?? null, now))
    const from = leased.length > 0 && rnd() < 0.5 ? leased : all
    return from[Math.floor(rnd() * from.length)]
  }

  const act = (t: string, now: number) => {
    if (!working(t, now)) return
    const desk = desks.get(t) ?? null
    if (desk && desk.finishAt <= now) {
      desks.set(t, null)
      if (rnd() < 0.03) return // abandoned: the lease runs out
      if (world.submit(t, desk.id, now)) oracle.submitted(t, desk.id, now)
      // The answer was lost and the page sends the same submit again.
      if (rnd() < 0.05 && world.submit(t, desk.id, now + 1)) oracle.submitted(t, desk.id, now + 1)
      return
    }
    if (desk) {
      if (rnd() < 0.02) {
        const other = poke(now)
        if (other && other !== desk.id && world.submit(t, other, now)) oracle.submitted(t, other, now)
      }
      return
    }
    let target: string | undefined
    if (rnd() < 0.1) target = poke(now)
    else {
      let oldest: Item | undefined
      for (const id of world.waiting) {
        const i = world.items.get(id) as Item
        if (i.assigneeId === t && (!oldest || i.submittedAt < oldest.submittedAt)) oldest = i
      }
      target = oldest?._id
    }
    if (target === undefined) {
      world.touch(t, now)
      oracle.active(t, now)
    } else if (world.claim(t, target, now)) {
      oracle.claimed(t, target, now)
      desks.set(t, { id: target, finishAt: now + Math.round(MEAN_WORK_MIN[t] * (0.5 + rnd()) * MIN) })
    }
  }

  for (let minute = 0; minute < 24 * 60; minute++) {
    const start = T0 + minute * MIN
    const events: { at: number; run: () => string }[] = []
    while (next < arrivals.length && arrivals[next] < start + MIN) {
      const at = arrivals[next]
      const id = `checkin:p1:${businessDay(at)}:m${next++}`
      events.push({ at, run: () => (world.arrive(id, at), `arrive ${id}`) })
    }
    for (const t of TEACHERS) {
      const at = start + Math.floor(rnd() * MIN)
      events.push({ at, run: () => (act(t, at), `act ${t}`) })
    }
    // tC leaves at 10:00, usually with a submission open: the operator marks them absent that very minute.
    if (!operatorDone && start >= T0 + 3 * HOUR) {
      operatorDone = true
      events.push({
        at: start,
        run: () => {
          world.presence.set('tC', markAbsent(world.presence.get('tC') as Presence, true, start))
          oracle.absent.add('tC')
          return 'operator marks tC absent'
        },
      })
      // …and the others at once try to take the submission tC still holds (its lease must keep them out).
      for (const t of ['tA', 'tB']) {
        events.push({
          at: start + 1,
          run: () => {
            const held = world.presence.get('tC')?.holding
            if (held && !desks.get(t) && world.claim(t, held, start + 1)) {
              oracle.claimed(t, held, start + 1)
              desks.set(t, { id: held, finishAt: start + 2 * MIN })
            }
            return `${t} grabs tC's item`
          },
        })
      }
    }
    events.push({ at: start + MIN - 1, run: () => 'tick' })
    for (const e of events.sort((a, b) => a.at - b.at)) {
      const what = e.run()
      world.rebalance(e.at)
      oracle.check(world.items.values(), e.at, what)
      steps++
    }
  }
  return { world, oracle, steps }
}

describe('fair distribution, simulated', () => {
  it('should never double-review or double-lease, keep backlogs within 1 and flow an absent teacher’s items back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const { world, oracle, steps } = simulate(seed)
        expect(oracle.violations.slice(0, 5)).toEqual([])
        expect(steps).toBeGreaterThan(SUBMISSIONS)
        expect(oracle.balanced).toBeGreaterThan(steps * 0.9)
        expect(world.items.size).toBe(SUBMISSIONS)
        for (const i of world.items.values()) {
          const reviewers = oracle.reviews.get(i._id) ?? []
          if (i.reviewStatus === 'reviewed') expect(reviewers).toHaveLength(1)
          else
            expect({ id: i._id, reviewers, assigned: TEACHERS.includes(i.assigneeId as 'tA') }).toEqual({
              id: i._id,
              reviewers: [],
              assigned: true,
            })
        }
        expect(world.loadOf('*')).toBe([...world.items.values()].filter((i) => i.reviewStatus === 'pending').length)
        // Everybody reviewed something; the fast teacher the most.
        const by = (t: string) => [...oracle.reviews.values()].filter((r) => r[0] === t).length
        expect(by('tA')).toBeGreaterThan(by('tB'))
        expect(by('tC')).toBeGreaterThan(0)
        // Assignment by load: rebalancing moves items for speed differences and absences only (≈ 600 in a day;
        // assigning blindly and letting rebalancing fix it costs ≈ 1,300 moves).
        expect(world.moves).toBeLessThan(SUBMISSIONS * 0.6)
      }),
      { numRuns: 3 },
    )
  })
})
