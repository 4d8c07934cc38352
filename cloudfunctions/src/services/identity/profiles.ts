/**
 * Members' public profiles as other features join them onto their own rows: an aggregate stage `$lookup` on the
 * members' `_id` (one request with the rows, no second read), so they never name the `members` collection.
 */
import type { MemberDoc } from '../../domain/identity'
import { MEMBERS } from './store'

export type Profile = Pick<MemberDoc, '_id' | 'nickname' | 'avatarFileId'>

/** A row with the member profiles its `$lookup` joined. */
export type WithProfile<T> = T & { profile?: Profile[] }

/** The `$lookup` stage joining the profile of the member named by `localField` (as `profile`). */
export const profileLookup = (localField: string) => ({ from: MEMBERS, localField, foreignField: '_id', as: 'profile' })

/** The profile fields of members joined by `profileLookup`. */
export function profilesFrom(rows: readonly { profile?: Profile[] }[]): Map<string, Profile> {
  const map = new Map<string, Profile>()
  for (const row of rows)
    for (const p of row.profile ?? []) map.set(p._id, { _id: p._id, nickname: p.nickname, avatarFileId: p.avatarFileId })
  return map
}

/** Drops the `$lookup` helper field so the rest of the row is the stored document again. */
export function withoutProfile<T>(row: WithProfile<T>): T {
  const { profile: _p, ...doc } = row
  void _p
  return doc as T
}
