/**
 * Other members never see an openid (issue #13 item 6): every answer one member gets about others — both leaderboards
 * and their cursors, the featured feed and its cursor, my invitees and their cursor, the inviter board — is searched
 * for the openids of everyone involved.
 */
import type { FeedPage, LeaderboardPage } from '../../../cloudfunctions/src/contracts/camp-views'
import type { LeaderboardView, MineView } from '../../../cloudfunctions/src/contracts/invites'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, campOk, checkin, checkinsOf, joined, openPeriod, updateDoc } from '../camp/support'
import { arriveByPoster, runSettle } from '../invites/support'

let h: FunctionsHarness
const MEMBERS = ['oA1b2C3d4E5f6G7h8I9j0Kl', 'oZ9y8X7w6V5u4T3s2R1q0Pn', 'oM1n2B3v4C5x6Z7l8K9j0Hg']
const VIEWER = 'oViewer0000000000000001'

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await h.member(ADMIN, ['admin'])
  await at(h, '2026-03-02 09:00')
  // Nicknames of their own: the harness would name a member after its openid.
  for (const [i, m] of [...MEMBERS, VIEWER].entries()) await h.member(m, [], { nickname: `学员${i + 1}` })
})
afterAll(() => h.close())

const leaks = (answer: unknown) => MEMBERS.filter((openid) => JSON.stringify(answer).includes(openid))

describe('public ids', () => {
  it('should be stable per member, different between members and never the openid', () => {
    expect(publicIdOf(MEMBERS[0])).toBe(publicIdOf(MEMBERS[0]))
    expect(new Set(MEMBERS.map(publicIdOf)).size).toBe(MEMBERS.length)
    for (const m of MEMBERS) expect(publicIdOf(m)).not.toContain(m.slice(1, 8))
  })

  it('should name members on leaderboards, the feed and their cursors by public id only', async () => {
    const period = await openPeriod(h)
    await joined(h, period, [...MEMBERS, VIEWER])
    for (const m of MEMBERS) await checkin(h, period._id, m, { text: '今天读了 20 分钟' })
    const featured = (await Promise.all(MEMBERS.map((m) => checkinsOf(h, period._id, m)))).flat()
    for (const c of featured) await updateDoc(h, 'checkins', c._id, { featured: true, featuredAt: 1000 })
    const answers: unknown[] = []
    for (const board of ['streak', 'checkins']) {
      const first = await campOk(h, 'leaderboard', { periodId: period._id, board, limit: 1 }, VIEWER)
      const second: LeaderboardPage = await campOk(h, 'leaderboard', { periodId: period._id, board, limit: 1, cursor: first.next }, VIEWER)
      expect(first.next).not.toBeNull()
      answers.push(first, second)
    }
    const feed: FeedPage = await campOk(h, 'feed', { periodId: period._id, limit: 2 }, VIEWER)
    const rest: FeedPage = await campOk(h, 'feed', { periodId: period._id, limit: 2, cursor: feed.next }, VIEWER)
    expect([...feed.items, ...rest.items].map((i) => i.member.id).sort()).toEqual(MEMBERS.slice(0, 3).map(publicIdOf).sort())
    answers.push(feed, rest)
    expect(answers.flatMap(leaks)).toEqual([])
  })

  it('should name invitees and inviters by public id only', async () => {
    const code = 'PUB234'
    await h.emu.db.insert('invite_codes', [{ _id: code, memberId: VIEWER, createdAt: h.emu.clock.now() }])
    for (const m of MEMBERS) await arriveByPoster(h, m, code)
    await runSettle(h)
    const mine = await h.ok<MineView>('invites', { action: 'mine', limit: 2 }, VIEWER)
    const more = await h.ok<MineView>('invites', { action: 'mine', limit: 2, before: mine.nextBefore }, VIEWER)
    const board = await h.ok<LeaderboardView>('invites', { action: 'leaderboard', limit: 50 }, MEMBERS[0])
    expect(mine.nextBefore).not.toBeNull()
    expect([...mine.items, ...more.items]).toHaveLength(MEMBERS.length)
    expect([mine, more, board].flatMap(leaks)).toEqual([])
  })
})
