/** Where invites keep things (documents in domain/invites/model.ts). */
import type { MemberDoc } from '../../domain/identity'
import { repository } from '../../shared/repository'
import { membersByIds as membersOf } from '../identity/lookups'

export const CODES = 'invite_codes'
export const POSTERS = 'invite_posters'
export const INVITES = 'invites'
export const STATS = 'invite_stats'
export const DAILY = 'invite_daily'

export const repo = repository('invites')

export type MemberCard = Pick<MemberDoc, '_id' | 'nickname' | 'avatarFileId'>

/** Nickname and avatar of up to one page of members, in one request. */
export const membersByIds = (ids: readonly string[]): Promise<Map<string, MemberCard>> => membersOf(ids)
