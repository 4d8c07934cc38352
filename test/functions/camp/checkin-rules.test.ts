import type { FeedPage, TodayView } from '../../../cloudfunctions/src/contracts/camp-views'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { at, balanceOf, camp, campOk, checkin, checkinsOf, GROUP, joined, OTHER_GROUP, openPeriod, updateDoc, upload } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await h.member('camp-admin', ['admin'])
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

const groupCloudId = (openid: string, opengid: string) => ({ cloudID: h.emu.openapi.issueCloudId(openid, 'groupEnterInfo', { opengid }) })

describe('group multiplier', () => {
  it('should double the points of a check-in made from the bound group', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['grouped'])
    const res = await checkin(h, period._id, 'grouped', { text: '群里打卡', groupCloudId: groupCloudId('grouped', GROUP) })
    expect(res).toMatchObject({ code: 0, data: { checkin: { fromGroup: true, points: 20 } } })
    expect(await balanceOf(h, 'grouped')).toBe(20)
  })

  it('should write the check-in and its two ledger entries once out of 20 parallel group submissions', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['group-racer'])
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        checkin(h, period._id, 'group-racer', { text: `群里第 ${i} 次`, groupCloudId: groupCloudId('group-racer', GROUP) }),
      ),
    )
    expect(results.filter((r) => r.code === 0)).toHaveLength(1)
    expect(await checkinsOf(h, period._id, 'group-racer')).toHaveLength(1)
    const entries = (await h.emu.db.find('points_entries', { memberId: 'group-racer' })) as { reason: string; amount: number }[]
    expect(entries.map((e) => [e.reason, e.amount]).sort()).toEqual([
      ['checkin', 10],
      ['group_bonus', 10],
    ])
    expect(await balanceOf(h, 'group-racer')).toBe(20)
  })

  it.each([
    ['a CloudID issued to another member', () => groupCloudId('someone-else', GROUP)],
    ['a CloudID of another group', () => groupCloudId('nobonus', OTHER_GROUP)],
    ['a group id the client claims itself', () => ({ cloudID: 'forged', data: { opengid: GROUP } })],
    ['a bare string that is no CloudID', () => 'not-a-cloud-id'],
  ])('should give no bonus for %s', async (_name, proof) => {
    const period = await openPeriod(h)
    await joined(h, period, ['nobonus'])
    const res = await checkin(h, period._id, 'nobonus', { text: '试试加成', groupCloudId: proof() })
    expect(res).toMatchObject({ code: 0, data: { checkin: { fromGroup: false, points: 10 } } })
  })
})

describe('content security', () => {
  it('should reject risky text with a clear Chinese message and write nothing', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['risky'])
    const res = await checkin(h, period._id, 'risky', { text: '这里有违禁词' })
    expect(res).toMatchObject({ code: 'CAMP.CONTENT_RISKY', message: '内容未通过安全检查，请修改后再提交' })
    expect(await checkinsOf(h, period._id, 'risky')).toHaveLength(0)
    expect(await balanceOf(h, 'risky')).toBe(0)
  })

  it('should keep text under review visible to its author and out of the feed for others', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['reviewed', 'reader'])
    const res = await checkin(h, period._id, 'reviewed', { text: '这段有待审核词' })
    expect(res).toMatchObject({ code: 0, data: { checkin: { moderation: { value: 'review', label: '人工审核中' } } } })
    const [stored] = await checkinsOf(h, period._id, 'reviewed')
    await featured(stored._id) // even featured, held content stays hidden
    const feed = await campOk(h, 'feed', { periodId: period._id }, 'reader')
    expect(feed.items).toEqual([])
    const own = await campOk(h, 'today', { periodId: period._id }, 'reviewed')
    expect(own.checkin?.content.text).toBe('这段有待审核词')
  })

  it('should show a photo check-in to others once its media check passed', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['painter', 'viewer'])
    const image = await upload(h, 'painter', period._id, 'sunset.jpg')
    const res = await checkin(h, period._id, 'painter', { images: [image] })
    expect(res).toMatchObject({ code: 0, data: { checkin: { moderation: { value: 'pending' } } } })
    const id = (res as { data: TodayView }).data.checkin?.id as string
    await featured(id)
    expect((await campOk(h, 'feed', { periodId: period._id }, 'viewer')).items).toEqual([])
    await h.emu.openapi.deliverPendingMediaChecks()
    const feed: FeedPage = await campOk(h, 'feed', { periodId: period._id }, 'viewer')
    expect(feed.items.map((i) => [i.member.nickname, i.day])).toEqual([['painter', '2026-03-02']])
  })

  it('should ignore a media verdict a member posts to the message function', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['forger'])
    const image = await upload(h, 'forger', period._id, 'risky-photo.jpg')
    await checkin(h, period._id, 'forger', { images: [image] })
    const [stored] = (await h.emu.db.find('checkins', { periodId: period._id, memberId: 'forger' })) as {
      mediaChecks: { traceId: string }[]
    }[]
    const forged = { MsgType: 'event', Event: 'wxa_media_check', trace_id: stored.mediaChecks[0].traceId, result: { suggest: 'pass' } }
    expect(await h.call('message', forged, 'forger')).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect((await campOk(h, 'today', { periodId: period._id }, 'forger')).checkin?.moderation.value).not.toBe('pass')
  })

  it('should hide a check-in whose image the media check finds risky', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['badimage'])
    const image = await upload(h, 'badimage', period._id, 'risky-picture.jpg')
    await checkin(h, period._id, 'badimage', { images: [image] })
    await h.emu.openapi.deliverPendingMediaChecks()
    const today = await campOk(h, 'today', { periodId: period._id }, 'badimage')
    expect(today.checkin?.moderation).toEqual({ value: 'risky', label: '未通过审核' })
  })
})

/** Featuring is the teachers' action (issue 6); here it is written straight to the database. */
const featured = (id: string) => updateDoc(h, 'checkins', id, { featured: true, featuredAt: h.emu.clock.now() })

describe('business day at midnight (Asia/Shanghai)', () => {
  it('should count 23:59:59 for that day and 00:00:01 for the next', async () => {
    await at(h, '2026-03-02 12:00')
    const period = await openPeriod(h)
    await joined(h, period, ['owl'])
    // Frozen: real time must not carry 23:59:59 past midnight before the call runs (it did on a loaded 2-core machine).
    await at(h, '2026-03-02 23:59:59', { frozen: true })
    expect(await checkin(h, period._id, 'owl')).toMatchObject({ code: 0, data: { today: '2026-03-02', dayIndex: 1 } })
    await at(h, '2026-03-03 00:00:01', { frozen: true })
    expect(await checkin(h, period._id, 'owl')).toMatchObject({ code: 0, data: { today: '2026-03-03', dayIndex: 2, currentStreak: 2 } })
    expect((await checkinsOf(h, period._id, 'owl')).map((c) => c.day).sort()).toEqual(['2026-03-02', '2026-03-03'])
  })
})

describe('editing a check-in', () => {
  it('should let the author edit the same business day and refuse the next day', async () => {
    await at(h, '2026-03-02 09:00')
    const period = await openPeriod(h)
    await joined(h, period, ['editor'])
    await checkin(h, period._id, 'editor', { text: '初稿' })
    const edited = await camp(h, 'editCheckin', { periodId: period._id, day: '2026-03-02', text: '改好的内容' }, 'editor')
    expect(edited).toMatchObject({
      code: 0,
      data: { checkin: { content: { text: '改好的内容' }, points: 10, editedAt: expect.any(Number) } },
    })
    expect(await balanceOf(h, 'editor')).toBe(10)
    await at(h, '2026-03-03 09:00')
    const late = await camp(h, 'editCheckin', { periodId: period._id, day: '2026-03-02', text: '第二天再改' }, 'editor')
    expect(late).toMatchObject({ code: 'CAMP.EDIT_DAY_PASSED' })
  })

  it('should not let a member edit another member’s check-in', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['author', 'intruder'])
    await checkin(h, period._id, 'author', { text: '我的打卡' })
    const res = await camp(h, 'editCheckin', { periodId: period._id, day: '2026-03-02', text: '被改了' }, 'intruder')
    expect(res.code).toBe('CAMP.CHECKIN_NOT_FOUND')
    expect((await campOk(h, 'today', { periodId: period._id }, 'author')).checkin?.content.text).toBe('我的打卡')
  })
})
