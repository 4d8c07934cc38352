/** The camp benchmark's calls, as a function instance makes them (see ./instances.ts). */
import { submitCheckin } from '../cloudfunctions/src/services/camp/checkin'
import { leaderboard } from '../cloudfunctions/src/services/camp/boards'

/** A refusal would make the benchmark time the wrong thing. */
export function must<T>(v: T): T {
  if (v && typeof v === 'object' && 'ok' in v && (v as { ok: unknown }).ok === false)
    throw new Error(`refused in the benchmark: ${(v as { code?: string }).code}`)
  return v
}

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
