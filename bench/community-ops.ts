/** The community benchmark's calls, as a function instance makes them (see ./instances.ts). */
import { refreshBoard, teamBoard } from '../cloudfunctions/src/services/community/board'
import { teamDay } from '../cloudfunctions/src/services/community/team-day'
import { must } from './load'

export function createOps(now: () => number) {
  return {
    board: async ({
      periodId,
      memberId,
      board,
      offset,
    }: {
      periodId: string
      memberId: string
      board: 'today' | 'period'
      offset: number
    }) => must(await teamBoard(periodId, board, offset, 20, memberId, now())),
    teamDay: async ({ periodId, memberId }: { periodId: string; memberId: string }) =>
      must(await teamDay(periodId, { _id: memberId, roles: ['member'] }, undefined, now())),
    refresh: async ({ periodId }: { periodId: string }) => refreshBoard(periodId, now()),
  }
}

export type CommunityOps = ReturnType<typeof createOps>
