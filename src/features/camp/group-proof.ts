import { cloudIdValue, groupEnterCloudId } from '@/shared/wx'
import type { GroupProof } from './api'

/**
 * A fresh group-enter CloudID for each call that may earn the group multiplier (or join a group-only period); null when
 * the page was not opened from a group chat. The function resolves it to the group id; the page never sees it.
 */
export async function groupProof(): Promise<GroupProof | null> {
  const cloudId = await groupEnterCloudId()
  return cloudId ? cloudIdValue(cloudId) : null
}
