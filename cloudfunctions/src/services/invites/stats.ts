/** What other features may ask about an inviter: their per-inviter stats document. */
import { repo, STATS } from './store'

/** Friends the member invited who qualified, as the invite settlement last counted them (one document read). */
export async function qualifiedInvitesOf(memberId: string): Promise<number> {
  return (await repo.get(STATS, memberId))?.qualified ?? 0
}
