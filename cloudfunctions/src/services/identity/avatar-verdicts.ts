/**
 * mediaCheckAsync results for avatars (the `message` function passes on the events no check-in claimed). A member's
 * new avatar waits in `pendingAvatar` — only they see it — and becomes the `avatarFileId` everyone sees when its check
 * passes; any other verdict drops it. A late verdict for an avatar replaced meanwhile matches nothing.
 */
import { withTransaction } from '../../shared/db'
import type { MemberDoc } from '../../domain/identity'
import { MEMBERS, repo } from './store'

export interface PendingAvatar {
  fileId: string
  traceId: string | null
  requestedAt: number
}
export type MemberWithAvatarCheck = MemberDoc & { pendingAvatar?: PendingAvatar | null }

export async function applyAvatarCheck(event: { trace_id: string; result: { suggest: string } }): Promise<{ matched: boolean }> {
  const found = await repo.col(MEMBERS).where({ 'pendingAvatar.traceId': event.trace_id }).limit(1).get()
  const id = found.data[0]?._id
  if (!id) return { matched: false }
  return withTransaction(async (tx) => {
    const member = await repo.getIn(tx, MEMBERS, id)
    const pending = member?.pendingAvatar
    if (!pending || pending.traceId !== event.trace_id) return { matched: false }
    const data = event.result.suggest === 'pass' ? { avatarFileId: pending.fileId, pendingAvatar: null } : { pendingAvatar: null }
    await repo.inTx(tx, MEMBERS).doc(id).update({ data })
    return { matched: true }
  })
}
