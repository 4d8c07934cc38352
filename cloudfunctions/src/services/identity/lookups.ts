/** Member records as other features may read them (they never name the `members` collection). */
import type { MemberDoc } from '../../domain/identity'
import { MEMBERS, repo } from './store'

/** One member's record, or null (one request). */
export const memberOf = (memberId: string): Promise<MemberDoc | null> => repo.get(MEMBERS, memberId)

/** Member records by openid: one request per 1000 ids. */
export const membersByIds = (memberIds: readonly string[]): Promise<Map<string, MemberDoc>> => repo.byIds(MEMBERS, memberIds)
