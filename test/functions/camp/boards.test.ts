import type { FeedPage, LeaderboardPage } from '../../../cloudfunctions/src/contracts/camp-views'
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { countDatabaseRequests } from '../../support/request-trail'
import { ADMIN, at, campOk, checkin, checkinsOf, joined, openPeriod, updateDoc } from './support'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'

let h: FunctionsHarness
let period: AdminPeriodView
const MEMBERS = ['m-a', 'm-b', 'm-c', 'm-d', 'm-e']

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await h.member(ADMIN, ['admin'])
  await at(h, '2026-03-02 09:00')
  period = await openPeriod(h)
  await joined(h, period, MEMBERS)
  // m-a checks in 3 days, m-b 2 days, m-c 1 day, m-d and m-e never.
  for (const [day, who] of [
    ['2026-03-02', ['m-a', 'm-b', 'm-c']],
    ['2026-03-03', ['m-a', 'm-b']],
    ['2026-03-04', ['m-a']],
  ] as const) {
    await at(h, `${day} 10:00`)
    for (const m of who) await checkin(h, period._id, m, { text: `${m} 的打卡` })
  }
})
afterAll(() => h.close())

const counted = <T>(run: () => Promise<T>) => countDatabaseRequests(h, run)

describe('leaderboards', () => {
  it('should rank by streak in pages of two with at most two database requests per page', async () => {
    const seen: string[] = []
    let cursor: LeaderboardPage['next'] = null
    do {
      const { value, requests }: { value: LeaderboardPage; requests: number } = await counted(() =>
        campOk(h, 'leaderboard', { periodId: period._id, board: 'streak', limit: 2, ...(cursor ? { cursor } : {}) }, 'm-b'),
      )
      expect(requests).toBeLessThanOrEqual(2)
      seen.push(...value.rows.map((r) => `${r.rank}:${r.member.nickname}${r.isMe ? '*' : ''}`))
      cursor = value.next
    } while (cursor)
    expect(seen.slice(0, 3)).toEqual(['1:m-a', '2:m-b*', '3:m-c'])
    expect(seen).toHaveLength(5)
  })

  it('should show nicknames and live streaks on the check-in board', async () => {
    const page = await campOk(h, 'leaderboard', { periodId: period._id, board: 'checkins', limit: 1 }, 'm-a')
    expect(page.rows).toEqual([
      expect.objectContaining({ rank: 1, member: expect.objectContaining({ nickname: 'm-a' }), checkedDays: 3, currentStreak: 3 }),
    ])
  })
})

describe('featured feed', () => {
  it('should page featured check-ins newest first in one request per page', async () => {
    const docs = (
      await Promise.all(['m-a', 'm-b', 'm-c'].map(async (m) => (await checkinsOf(h, period._id, m)).map((c) => ({ ...c, m }))))
    ).flat()
    for (const [i, c] of docs.slice(0, 4).entries()) await updateDoc(h, 'checkins', c._id, { featured: true, featuredAt: 1000 + (i % 2) })
    // Feed items are named by the member's public id and the day, never by the check-in id (it holds the openid).
    const ids = docs.map((c) => `${publicIdOf(c.m)}-${c.day}`)
    const pages: string[][] = []
    let cursor: FeedPage['next'] = null
    do {
      const { value, requests }: { value: FeedPage; requests: number } = await counted(() =>
        campOk(h, 'feed', { periodId: period._id, limit: 3, ...(cursor ? { cursor } : {}) }, 'm-e'),
      )
      expect(requests).toBeLessThanOrEqual(2)
      pages.push(value.items.map((i) => i.id))
      cursor = value.next
    } while (cursor)
    expect(pages.map((p) => p.length)).toEqual([3, 1])
    expect(new Set(pages.flat())).toEqual(new Set(ids.slice(0, 4)))
  })
})
