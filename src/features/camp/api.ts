import { callAction } from '@/shared/cloud'
import type { Envelope } from '@/shared/cloud/types'
import type { Page } from '@/shared/paging/use-paged-list'
import type { CloudIdWrapper, RequestOf } from '@cloud/contracts/calls'
import type { FeedItem, FeedPage, LeaderboardRow } from '@cloud/contracts/camp-views'
import type { CheckinContent, Leaderboard, LeaderboardCursor } from '@cloud/domain/camp'

/** Member actions of the `camp` function: requests and answers as in contracts/calls.ts. */

export const CAMP_PAGE_SIZE = 20

/** A WeChat CloudID wrapped for the cloud (see shared/wx); sent as the top-level `groupCloudId`. */
export type GroupProof = CloudIdWrapper

const withGroup = <P extends object>(payload: P, group: GroupProof | null) => (group ? { ...payload, groupCloudId: group } : payload)

export const listCamps = () => callAction('camp', 'listCamps', { limit: 50 })
export const campDetail = (campId: string) => callAction('camp', 'campDetail', { campId })
export const myPeriods = () => callAction('camp', 'myPeriods', { limit: 10 })

export function join(periodId: string, inviteCode: string | null, group: GroupProof | null) {
  return callAction('camp', 'join', withGroup(inviteCode ? { periodId, inviteCode } : { periodId }, group))
}

export const today = (periodId: string, group: GroupProof | null = null) => callAction('camp', 'today', withGroup({ periodId }, group))

export const checkin = (periodId: string, content: CheckinContent, group: GroupProof | null) =>
  callAction('camp', 'checkin', withGroup({ periodId, ...content }, group))

export const editCheckin = (periodId: string, day: string, content: CheckinContent) =>
  callAction('camp', 'editCheckin', { periodId, day, ...content })

export const makeup = (periodId: string, day: string) => callAction('camp', 'makeup', { periodId, day })
export const calendar = (periodId: string) => callAction('camp', 'calendar', { periodId })
export const setReminder = (periodId: string, time: string | null) => callAction('camp', 'setReminder', { periodId, time })

/** The templates the member just accepted; `requestId` is one per prompt, so a retried call counts the credits once. */
export const subscribed = (periodId: string, accepted: string[], requestId: string) =>
  callAction('camp', 'subscribed', { periodId, accepted, requestId })

export async function leaderboard(
  periodId: string,
  board: Leaderboard,
  cursor?: LeaderboardCursor,
): Promise<Envelope<Page<LeaderboardRow, LeaderboardCursor>>> {
  const payload: RequestOf<'camp', 'leaderboard'> = { periodId, board, limit: CAMP_PAGE_SIZE }
  if (cursor) payload.cursor = cursor
  const res = await callAction('camp', 'leaderboard', payload)
  return res.code === 0 ? { code: 0, data: { items: res.data.rows, next: res.data.next } } : res
}

export type FeedCursor = NonNullable<FeedPage['next']>

export async function feed(periodId: string, cursor?: FeedCursor): Promise<Envelope<Page<FeedItem, FeedCursor>>> {
  const payload: RequestOf<'camp', 'feed'> = { periodId, limit: CAMP_PAGE_SIZE }
  if (cursor) payload.cursor = cursor
  const res = await callAction('camp', 'feed', payload)
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.next } } : res
}

export const certificate = (periodId: string) => callAction('camp', 'certificate', { periodId })

/** Operators inside a group chat: is this group bound to the period (the group comes only from the CloudID). */
export const groupBinding = (periodId: string, group: GroupProof) => callAction('camp', 'groupBinding', { periodId, groupCloudId: group })
/** 绑定此群: idempotent on the server; a repeat answers `already`. */
export const bindGroup = (periodId: string, group: GroupProof) => callAction('camp', 'bindGroup', { periodId, groupCloudId: group })
/** The member's own check-in of a day with its latest review (opening it marks the review seen). */
export const myCheckin = (periodId: string, day: string) => callAction('camp', 'myCheckin', { periodId, day })
