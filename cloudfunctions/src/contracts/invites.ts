import { z } from 'zod'
import { EpochMsSchema } from './calendar'
import {
  ATTRIBUTION_WINDOW_MS,
  DAILY_REWARD_CAP,
  INVITE_REWARD_POINTS,
  INVITE_STATUS_LABELS,
  type InviteDoc,
  type InviteStatus,
} from '../domain/invites'
import type { PublicProfile } from './identity'

/** Inputs of the `invites` function (parsed at the handler) and the views its pages render. */

/** What a launch carried: `i=CODE` or the code, possibly URL-encoded; the domain reads the code out of it. */
const SceneSchema = z.string().trim().min(1).max(64)
const EpochMs = EpochMsSchema
const Limit = (max: number) => z.number().int().min(1).max(max).default(20)
/**
 * Where the last page ended: its last invitee's claim time and how many invitees claimed at exactly that time were
 * shown already (two claims can share a millisecond). Never an id: invitees' ids are their openids.
 */
const InviteeCursorSchema = z.object({ claimedAt: EpochMs, skip: z.number().int().min(0).max(1000) }).strict()
export type InviteeCursor = z.infer<typeof InviteeCursorSchema>

export const InvitesRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('poster') }).strict(),
  /** The caller's invite code (made once), for the `inviter` of the cards they share; cheaper than the poster. */
  z.object({ action: z.literal('myCode') }).strict(),
  z.object({ action: z.literal('claim'), code: SceneSchema }).strict(),
  z.object({ action: z.literal('mine'), before: InviteeCursorSchema.optional(), limit: Limit(50) }).strict(),
  z.object({ action: z.literal('leaderboard'), limit: Limit(50) }).strict(),
])
export type InvitesRequest = z.infer<typeof InvitesRequest>

/** The reward rules as the pages state them (the same constants the server applies). */
export interface InviteRules {
  pointsPerInvite: number
  dailyCap: number
  windowHours: number
}

export const inviteRules = (): InviteRules => ({
  pointsPerInvite: INVITE_REWARD_POINTS,
  dailyCap: DAILY_REWARD_CAP,
  windowHours: ATTRIBUTION_WINDOW_MS / 3_600_000,
})

export interface MyCodeView {
  code: string
}

export interface PosterView {
  code: string
  scene: string
  /** The mini-program code image in cloud storage and a short-lived URL to draw it. */
  qrFileId: string
  qrUrl: string | null
  nickname: string
  avatarFileId: string
  rules: InviteRules
}

export interface ClaimView {
  code: string
  status: InviteStatus
  claimedAt: number
}

export interface InviteeView {
  invitee: PublicProfile
  status: InviteStatus
  statusLabel: string
  /** Why a qualified invite earned nothing (shown under the status). */
  note: string | null
  points: number
  claimedAt: number
}

export interface InviteCounts {
  invited: number
  qualified: number
  rewarded: number
  points: number
}

export interface MineView {
  code: string
  counts: InviteCounts
  items: InviteeView[]
  /** Pass as `before` for the next page; null at the end. */
  nextBefore: InviteeCursor | null
  rules: InviteRules
}

export interface LeaderRow {
  rank: number
  inviter: PublicProfile
  qualified: number
}

export interface LeaderboardView {
  rows: LeaderRow[]
  /** The caller's own place (also when below the page shown); null until one of their friends qualified. */
  me: { rank: number; qualified: number } | null
}

const NOTES: Partial<Record<InviteStatus, string>> = {
  pending: '好友完成首次打卡或报名免费课后发放奖励',
  over_cap: '好友已完成，但当天奖励已达上限',
  expired: '好友在有效期内未完成任务',
}

export function toInviteeView(invite: InviteDoc, invitee: PublicProfile): InviteeView {
  return {
    invitee,
    status: invite.status,
    statusLabel: INVITE_STATUS_LABELS[invite.status],
    note: NOTES[invite.status] ?? null,
    points: invite.points ?? 0,
    claimedAt: invite.claimedAt,
  }
}

export const toClaimView = (invite: InviteDoc): ClaimView => ({
  code: invite.code,
  status: invite.status,
  claimedAt: invite.claimedAt,
})
