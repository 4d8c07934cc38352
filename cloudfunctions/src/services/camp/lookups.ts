/** Check-ins as other features may query them (they never name the `checkins` collection). */
import { CHECKINS, repo } from './store'

/** When the member submitted their first on-time check-in (index member_makeup_submitted; one request), or null. */
export async function firstCheckinAt(memberId: string): Promise<number | null> {
  const res = await repo
    .col(CHECKINS)
    .where({ memberId, makeup: false })
    .orderBy('submittedAt', 'asc')
    .limit(1)
    .field({ submittedAt: true })
    .get()
  return res.data[0]?.submittedAt ?? null
}
