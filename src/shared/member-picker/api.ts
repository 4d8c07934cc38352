import { callCloud } from '@/shared/cloud'
import type { MemberPick } from '@cloud/contracts/identity'

/** Staff search members by nickname or phone tail; answers carry names and handles, never openids. */
export const searchMembers = (query: string) => callCloud<{ items: MemberPick[] }>('identity', 'searchMembers', { query, limit: 10 })
