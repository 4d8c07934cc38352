/** Member records as other features may read them (they never name the `members` collection). */
import type { MemberDoc, Role } from '../../domain/identity'
import { MEMBERS, repo } from './store'

/** One member's record, or null (one request). */
export const memberOf = (memberId: string): Promise<MemberDoc | null> => repo.get(MEMBERS, memberId)

/** Member records by openid: one request per 1000 ids. */
export const membersByIds = (memberIds: readonly string[]): Promise<Map<string, MemberDoc>> => repo.byIds(MEMBERS, memberIds)

/**
 * Members holding `role`, oldest record first (ties by openid; index roles_created), one page: `limit` of them after
 * skipping `skip` (one request; limit ≤ 1000).
 */
export async function membersWithRole(role: Role, skip: number, limit: number): Promise<Pick<MemberDoc, '_id' | 'nickname'>[]> {
  const res = await repo
    .col(MEMBERS)
    .where({ roles: role })
    .orderBy('createdAt', 'asc')
    .orderBy('_id', 'asc')
    .skip(skip)
    .limit(limit)
    .field({ nickname: true })
    .get()
  return res.data
}
