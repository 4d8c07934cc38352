import type { TodayView } from '../../../cloudfunctions/src/contracts/camp-views'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { at, balanceOf, camp, campOk, checkin, checkinsOf, ensureMember, entriesOf, joined, openPeriod, upload } from './support'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member('camp-admin', ['admin'])
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

describe('camp check-in', () => {
  it('should make one check-in and one award out of 20 parallel submissions for the same day', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['racer'])
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => checkin(h, period._id, 'racer', { text: `第 ${i} 次提交` })))
    expect(results.filter((r) => r.code === 0)).toHaveLength(1)
    expect(results.filter((r) => r.code === 'CAMP.ALREADY_CHECKED_IN')).toHaveLength(19)
    expect(await checkinsOf(h, period._id, 'racer')).toHaveLength(1)
    expect((await entriesOf(h, 'racer')).filter((e) => e.reason === 'checkin')).toHaveLength(1)
    expect(await balanceOf(h, 'racer')).toBe(10)
  })

  it('should answer today with the check-in, streak and points earned', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['alice'])
    const res = await checkin(h, period._id, 'alice')
    expect(res).toMatchObject({
      code: 0,
      data: {
        dayIndex: 1,
        canCheckIn: false,
        currentStreak: 1,
        checkedDays: 1,
        pointsEarned: 10,
        checkin: { points: 10, fromGroup: false },
      },
    })
    expect(await campOk(h, 'today', { periodId: period._id }, 'alice')).toEqual((res as { data: TodayView }).data)
  })

  it('should refuse a member who did not join the period and write nothing', async () => {
    const period = await openPeriod(h)
    await ensureMember(h, 'outsider')
    expect(await checkin(h, period._id, 'outsider')).toMatchObject({ code: 'CAMP.NOT_JOINED', message: '你还没有加入该期' })
    expect(await checkinsOf(h, period._id, 'outsider')).toHaveLength(0)
    expect(await balanceOf(h, 'outsider')).toBe(0)
  })

  it('should refuse a claimed identity in the request and never check in for that member', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['victim', 'mallory'])
    const res = await camp(h, 'checkin', { periodId: period._id, text: '替别人打卡', memberId: 'victim' }, 'mallory')
    expect(res.code).toBe('REQUEST.INVALID')
    expect(await checkinsOf(h, period._id, 'victim')).toHaveLength(0)
    expect(await checkinsOf(h, period._id, 'mallory')).toHaveLength(0)
  })

  it.each([
    ['oversized text', () => ({ text: '长'.repeat(1001) }), 'REQUEST.INVALID'],
    ['ten photos', (own: string[]) => ({ images: [...own, ...own, ...own].slice(0, 10) }), 'REQUEST.INVALID'],
    ['another member’s photo', (_own: string[], foreign: string) => ({ images: [foreign] }), 'CAMP.FOREIGN_FILE'],
    ['a file id that was never uploaded', () => ({ images: ['cloud://local-dev.x/checkins/badinput/p/none.jpg'] }), 'CAMP.FOREIGN_FILE'],
    ['a 61-second voice', (own: string[]) => ({ voice: { fileId: own[0], durationSec: 61 } }), 'REQUEST.INVALID'],
    ['no content at all', () => ({ text: '   ' }), 'CAMP.CONTENT_EMPTY'],
  ])('should refuse %s with a clear code and change nothing', async (_name, content, code) => {
    const period = await openPeriod(h)
    await joined(h, period, ['badinput'])
    const own = await Promise.all([1, 2, 3, 4].map((i) => upload(h, 'badinput', period._id, `${i}.jpg`)))
    const foreign = await upload(h, 'someone-else', period._id, 'theirs.jpg')
    const res = await checkin(h, period._id, 'badinput', content(own, foreign))
    expect(res).toMatchObject({ code, message: expect.any(String) })
    expect(await checkinsOf(h, period._id, 'badinput')).toHaveLength(0)
    expect(await balanceOf(h, 'badinput')).toBe(0)
  })

  it('should refuse an unknown period with CAMP.PERIOD_NOT_FOUND', async () => {
    await ensureMember(h, 'lost')
    expect(await checkin(h, 'no-such-period', 'lost')).toMatchObject({ code: 'CAMP.PERIOD_NOT_FOUND', message: '该期不存在' })
    expect(await h.emu.db.count('checkins', { memberId: 'lost' })).toBe(0)
  })

  it('should accept nine photos of the member and a voice of 60 seconds', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['photographer'])
    const images = await Promise.all(Array.from({ length: 9 }, (_, i) => upload(h, 'photographer', period._id, `${i}.jpg`)))
    const voice = { fileId: await upload(h, 'photographer', period._id, 'v.mp3'), durationSec: 60 }
    const res = await checkin(h, period._id, 'photographer', { images, voice })
    expect(res).toMatchObject({ code: 0, data: { checkin: { moderation: { value: 'pending' } } } })
    // What is stored and shown are the sealed copies (services/media/seal.ts): same bytes, same order.
    const content = res.code === 0 ? res.data.checkin!.content : null
    const stored = [...(content?.images ?? []), content?.voice?.fileId ?? '']
    expect(stored.every((f) => f.includes(`/sealed/${publicIdOf('photographer')}/`))).toBe(true)
    const bytes = (ids: string[]) => Promise.all(ids.map(async (f) => (await h.emu.storage.get(f))?.toString()))
    expect(await bytes(stored)).toEqual(await bytes([...images, voice.fileId]))
    expect(content?.voice?.durationSec).toBe(60)
  })

  it('should use at most seven database requests inside the check-in transaction', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['counted'])
    h.emu.requests.reset()
    h.emu.requests.counting = true
    await checkin(h, period._id, 'counted')
    h.emu.requests.counting = false
    const byAction = h.emu.requests.byAction()
    expect(byAction['database.startTransaction']).toBe(1)
    // period read + [start, 6 in the transaction (one is the queue counter), commit] + the balance doc's creation (a
    // member's first points) + the counter shard's creation (its first write); the exact sequence is in
    // checkin-requests.test.ts
    expect(h.emu.requests.database()).toBeLessThanOrEqual(11)
  })
})
