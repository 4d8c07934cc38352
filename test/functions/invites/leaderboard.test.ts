/**
 * The inviter leaderboard on data this file makes and nothing else: four inviters with 3, 2, 2 and 1 qualified
 * invites (the two with 2 reaching it an hour apart, so the tie-break is exercised), one inviter whose only friend
 * never acts (not on the board) and a member who invited nobody. The tests only read it.
 */
import type { LeaderboardView } from '../../../cloudfunctions/src/contracts/invites'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { at } from '../camp/support'
import { arriveByPoster, checkinDocFor, inviterWithCode, leaderboard, runSettle } from './support'

let h: FunctionsHarness

/** Inviter openid → how many of their friends act (and so qualify); in the order the board must show them. */
const EARLY = { 'lb-top': 3, 'lb-tie-early': 2 } as const
const LATE = { 'lb-tie-late': 2, 'lb-single': 1 } as const
const IDLE = 'lb-idle'

async function invite(inviterId: string, code: string, friends: number, act: boolean): Promise<void> {
  await inviterWithCode(h, inviterId, code)
  for (let i = 0; i < friends; i++) {
    const friend = `${inviterId}-friend-${i}`
    expect((await arriveByPoster(h, friend, code)).code).toBe(0)
    if (act) await checkinDocFor(h, friend, 'p-board')
  }
}

beforeAll(async () => {
  h = await startFunctions()
  await at(h, '2026-05-04 09:00')
  await invite('lb-top', 'BDTZAB', EARLY['lb-top'], true)
  await invite('lb-tie-early', 'BDEZAB', EARLY['lb-tie-early'], true)
  await invite(IDLE, 'BDKZAB', 1, false)
  await runSettle(h)
  await at(h, '2026-05-04 10:00')
  await invite('lb-tie-late', 'BDMZAB', LATE['lb-tie-late'], true)
  await invite('lb-single', 'BDSZAB', LATE['lb-single'], true)
  await runSettle(h)
  await h.member('lb-nobody')
})
afterAll(() => h.close())

const ORDER = Object.entries({ ...EARLY, ...LATE })

describe('invite leaderboard', () => {
  it('should rank inviters by qualified invites, the one who reached a tied count earlier first', async () => {
    const board = await leaderboard(h, 'lb-nobody')

    expect(board.rows.map((r) => [r.rank, r.inviter.id, r.qualified])).toEqual(
      ORDER.map(([openid, qualified], i) => [i + 1, publicIdOf(openid), qualified]),
    )
    expect(board.me).toBeNull()
  })

  it('should tell each inviter their own place, also below the page shown, and nothing to one with no qualified invite', async () => {
    const top = (openid: string) => h.ok<LeaderboardView>('invites', { action: 'leaderboard', limit: 1 }, openid)

    for (const [i, [openid, qualified]] of ORDER.entries()) {
      const view = await top(openid)
      expect(view.rows.map((r) => r.inviter.id)).toEqual([publicIdOf('lb-top')])
      expect(view.me).toEqual({ rank: i + 1, qualified })
    }
    expect((await top(IDLE)).me).toBeNull()
    expect((await top('lb-nobody')).me).toBeNull()
  })
})
