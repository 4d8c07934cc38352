/** The camp benchmark's calls, as a function instance makes them (see ./instances.ts). */
import { submitCheckin } from '../cloudfunctions/src/services/camp/checkin'
import { leaderboard } from '../cloudfunctions/src/services/camp/boards'
import { must } from './load'

export function createOps(now: () => number) {
  return {
    checkin: async ({ periodId, memberId }: { periodId: string; memberId: string }) =>
      must(await submitCheckin({ periodId, memberId, content: { text: '今天读了 20 分钟', images: [], voice: null }, now: now() })),
    board: async ({ periodId, memberId, deep }: { periodId: string; memberId: string; deep: boolean }) =>
      must(
        await leaderboard(
          { periodId, board: 'streak', limit: 20, ...(deep ? { cursor: { before: '010', offset: 1000 } } : {}) },
          memberId,
          now(),
        ),
      ),
  }
}

export type CampOps = ReturnType<typeof createOps>
