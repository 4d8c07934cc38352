import { callAction } from '@/shared/cloud'

/** Staff search members by nickname or phone tail; answers carry names and handles, never openids. */
export const searchMembers = (query: string) => callAction('identity', 'searchMembers', { query, limit: 10 })
