import { callCloud } from '@/shared/cloud'
import type { Envelope } from '@/shared/cloud/types'
import type { Page } from '@/shared/paging/use-paged-list'
import type { FeedItem, FeedPage, LeaderboardRow } from '@cloud/contracts/camp-views'
import type { CampResults } from '@cloud/contracts/camp-results'
import type { CheckinContent, Leaderboard, LeaderboardCursor } from '@cloud/domain/camp'

/** Member actions of the `camp` function: requests as in contracts/camp.ts, answers typed by CampResults. */

export const CAMP_PAGE_SIZE = 20

const call = <A extends keyof CampResults>(action: A, payload: Record<string, unknown> = {}) =>
  callCloud<CampResults[A]>('camp', action, payload)

/** A WeChat CloudID wrapped for the cloud (see shared/wx); sent as the top-level `groupCloudId`. */
export type GroupProof = unknown

const withGroup = (payload: Record<string, unknown>, group: GroupProof | null) => (group ? { ...payload, groupCloudId: group } : payload)

export const listCamps = () => call('listCamps', { limit: 50 })
export const campDetail = (campId: string) => call('campDetail', { campId })
export const myPeriods = () => call('myPeriods', { limit: 10 })

export function join(periodId: string, inviteCode: string | null, group: GroupProof | null) {
  return call('join', withGroup(inviteCode ? { periodId, inviteCode } : { periodId }, group))
}

export const today = (periodId: string, group: GroupProof | null = null) => call('today', withGroup({ periodId }, group))

export const checkin = (periodId: string, content: CheckinContent, group: GroupProof | null) =>
  call('checkin', withGroup({ periodId, ...content }, group))

export const editCheckin = (periodId: string, day: string, content: CheckinContent) => call('editCheckin', { periodId, day, ...content })

export const makeup = (periodId: string, day: string) => call('makeup', { periodId, day })
export const calendar = (periodId: string) => call('calendar', { periodId })
export const setReminder = (periodId: string, time: string | null) => call('setReminder', { periodId, time })

/** The templates the member just accepted; `requestId` is one per prompt, so a retried call counts the credits once. */
export const subscribed = (periodId: string, accepted: string[], requestId: string) => call('subscribed', { periodId, accepted, requestId })

export async function leaderboard(
  periodId: string,
  board: Leaderboard,
  cursor?: LeaderboardCursor,
): Promise<Envelope<Page<LeaderboardRow, LeaderboardCursor>>> {
  const payload: Record<string, unknown> = { periodId, board, limit: CAMP_PAGE_SIZE }
  if (cursor) payload.cursor = cursor
  const res = await call('leaderboard', payload)
  return res.code === 0 ? { code: 0, data: { items: res.data.rows, next: res.data.next } } : res
}

export type FeedCursor = NonNullable<FeedPage['next']>

export async function feed(periodId: string, cursor?: FeedCursor): Promise<Envelope<Page<FeedItem, FeedCursor>>> {
  const payload: Record<string, unknown> = { periodId, limit: CAMP_PAGE_SIZE }
  if (cursor) payload.cursor = cursor
  const res = await call('feed', payload)
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.next } } : res
}

export const certificate = (periodId: string) => call('certificate', { periodId })

/** Operators inside a group chat: is this group bound to the period (the group comes only from the CloudID). */
export const groupBinding = (periodId: string, group: GroupProof) => call('groupBinding', { periodId, groupCloudId: group })
/** 绑定此群: idempotent on the server; a repeat answers `already`. */
export const bindGroup = (periodId: string, group: GroupProof) => call('bindGroup', { periodId, groupCloudId: group })
/** The member's own check-in of a day with its latest review (opening it marks the review seen). */
export const myCheckin = (periodId: string, day: string) => call('myCheckin', { periodId, day })
