import type { MySignupView } from '../../../cloudfunctions/src/contracts/class-views'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, cancel, DAY, detail, giveClass, giveSession, phoneCloudId, signUp, signupDoc, statusCounts } from './support'
import { runTimerJob } from '../../../local/dev/timer-jobs'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())

const data = (res: { code: unknown; data?: MySignupView }) => res.data as MySignupView

describe('classes signUp', () => {
  it('should confirm exactly 5 of 50 members racing for 5 seats and waitlist the other 45 in order', async () => {
    const cls = await giveClass(h)
    const session = await giveSession(h, cls.id, { capacity: 5 })
    const members = Array.from({ length: 50 }, (_, i) => `race-${i}`)
    for (const m of members) await h.member(m)
    const results = await Promise.all(members.map((m) => signUp(h, m, cls.id, session.id)))
    expect(results.every((r) => r.code === 0)).toBe(true)
    const statuses = results.map((r) => data(r).status)
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(5)
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(45)
    expect(await statusCounts(h, session.id)).toEqual({ confirmed: 5, waitlisted: 45, seats: 5 })
    // Once the race is over, the waitlist is one queue: places 1…45, in the order of joining.
    const waiting = members.filter((_, i) => data(results[i]).status === 'waitlisted')
    const places = await Promise.all(waiting.map(async (m) => (await detail(h, m, cls.id)).mySignup?.waitlistPosition))
    expect([...places].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 45 }, (_, i) => i + 1))
    const docs = (await h.emu.db.find('class_signups', { sessionId: session.id, status: 'waitlisted' })) as {
      memberId: string
      waitlistedAt: number
    }[]
    const joinedAt = new Map(docs.map((d) => [d.memberId, d.waitlistedAt]))
    const byPlace = waiting.map((m, i) => ({ at: joinedAt.get(m) ?? 0, place: Number(places[i]) })).sort((a, b) => a.place - b.place)
    expect(byPlace.every((x, i) => i === 0 || byPlace[i - 1].at <= x.at)).toBe(true)
    const view = await detail(h, 'race-0', cls.id)
    expect(view.sessions[0]).toMatchObject({ capacity: 5, taken: 5, seatsLeft: 0 })
  })

  it('should give one signup to a member who double-taps, and keep their phone from the CloudID', async () => {
    const cls = await giveClass(h)
    const session = await giveSession(h, cls.id, { capacity: 3 })
    await h.member('tapper')
    const phone = phoneCloudId(h, 'tapper', '13700001111')
    const [a, b] = await Promise.all([
      signUp(h, 'tapper', cls.id, session.id, { phone }),
      signUp(h, 'tapper', cls.id, session.id, { phone }),
    ])
    expect(a.code).toBe(0)
    expect(b.code).toBe(0)
    expect(data(a).id).toBe(data(b).id)
    expect(data(a).phoneMasked).toBe('137****1111')
    expect(await statusCounts(h, session.id)).toEqual({ confirmed: 1, waitlisted: 0, seats: 1 })
    expect((await signupDoc(h, cls.id, 'tapper'))?.phone).toBe('13700001111')
  })

  it('should refuse a second session of the same class while the first signup is active', async () => {
    const cls = await giveClass(h)
    const first = await giveSession(h, cls.id)
    const second = await giveSession(h, cls.id)
    await h.member('switcher')
    expect((await signUp(h, 'switcher', cls.id, first.id)).code).toBe(0)
    expect(await signUp(h, 'switcher', cls.id, second.id)).toMatchObject({ code: 'CLASS.ALREADY_SIGNED_UP' })
    expect((await cancel(h, 'switcher', cls.id)).code).toBe(0)
    expect(data(await signUp(h, 'switcher', cls.id, second.id))).toMatchObject({ sessionId: second.id, status: 'confirmed' })
    expect((await statusCounts(h, first.id)).seats).toBe(0)
  })
})

describe('classes cancel and promotion', () => {
  it('should promote the first waitlisted member when a confirmed one cancels, and cancel once under a race', async () => {
    const cls = await giveClass(h)
    const session = await giveSession(h, cls.id, { capacity: 2 })
    for (const m of ['p-a', 'p-b', 'p-c', 'p-d']) {
      await h.member(m)
      await signUp(h, m, cls.id, session.id)
    }
    expect((await signupDoc(h, cls.id, 'p-c'))?.status).toBe('waitlisted')
    const [x, y] = await Promise.all([cancel(h, 'p-a', cls.id), cancel(h, 'p-a', cls.id)])
    expect([x.code, y.code]).toEqual([0, 0])
    expect((await signupDoc(h, cls.id, 'p-c'))?.status).toBe('confirmed')
    expect((await signupDoc(h, cls.id, 'p-d'))?.status).toBe('waitlisted')
    expect(await statusCounts(h, session.id)).toEqual({ confirmed: 2, waitlisted: 1, seats: 2 })
    expect(await h.emu.db.count('events', { type: 'class_cancel', memberId: 'p-a' })).toBe(1)
  })

  it('should promote two different members when two confirmed members cancel at the same time', async () => {
    const cls = await giveClass(h)
    const session = await giveSession(h, cls.id, { capacity: 2 })
    for (const m of ['q-a', 'q-b', 'q-c', 'q-d', 'q-e']) {
      await h.member(m)
      await signUp(h, m, cls.id, session.id)
    }
    await Promise.all([cancel(h, 'q-a', cls.id), cancel(h, 'q-b', cls.id)])
    expect((await signupDoc(h, cls.id, 'q-c'))?.status).toBe('confirmed')
    expect((await signupDoc(h, cls.id, 'q-d'))?.status).toBe('confirmed')
    expect((await signupDoc(h, cls.id, 'q-e'))?.status).toBe('waitlisted')
    expect(await statusCounts(h, session.id)).toEqual({ confirmed: 2, waitlisted: 1, seats: 2 })
  })

  it('should have the waitlist timer fill a seat left free by a cancel whose promotion crashed, once', async () => {
    const cls = await giveClass(h)
    const session = await giveSession(h, cls.id, { capacity: 1 })
    const full = await giveSession(h, cls.id, { capacity: 1, startAt: h.emu.clock.now() + 3 * DAY })
    for (const m of ['w-a', 'w-b']) {
      await h.member(m)
      await signUp(h, m, cls.id, session.id)
    }
    for (const m of ['w-full-a', 'w-full-b']) {
      await h.member(m)
      await signUp(h, m, cls.id, full.id)
    }
    // The cancel commits; the promotion after it fails on its first read (the class), as a crash there would.
    h.emu.faults.failNext({ action: 'database.getDocument', collection: 'classes' })
    expect((await cancel(h, 'w-a', cls.id)).code).not.toBe(0)
    expect(await statusCounts(h, session.id)).toEqual({ confirmed: 0, waitlisted: 1, seats: 0 })

    const sweep = () => runTimerJob(h.emu.runtime, 'classes', 'waitlist')
    await sweep()
    expect((await signupDoc(h, cls.id, 'w-b'))?.status).toBe('confirmed')
    expect(await statusCounts(h, session.id)).toEqual({ confirmed: 1, waitlisted: 0, seats: 1 })
    // A full session keeps its waitlist; a second run changes nothing anywhere.
    await sweep()
    expect(await statusCounts(h, session.id)).toEqual({ confirmed: 1, waitlisted: 0, seats: 1 })
    expect(await statusCounts(h, full.id)).toEqual({ confirmed: 1, waitlisted: 1, seats: 1 })
    expect(await h.emu.db.count('events', { type: 'class_promoted', memberId: 'w-b' })).toBe(1)
  })

  it('should promote from the waitlist when an admin raises the capacity', async () => {
    const cls = await giveClass(h)
    const session = await giveSession(h, cls.id, { capacity: 1 })
    for (const m of ['r-a', 'r-b', 'r-c']) {
      await h.member(m)
      await signUp(h, m, cls.id, session.id)
    }
    await h.ok('classes', { action: 'updateSession', sessionId: session.id, patch: { capacity: 2 } }, ADMIN)
    expect((await signupDoc(h, cls.id, 'r-b'))?.status).toBe('confirmed')
    expect(await statusCounts(h, session.id)).toEqual({ confirmed: 2, waitlisted: 1, seats: 2 })
    expect(await h.call('classes', { action: 'updateSession', sessionId: session.id, patch: { capacity: 1 } }, ADMIN)).toMatchObject({
      code: 'CLASS.CAPACITY_BELOW_TAKEN',
    })
  })
})
