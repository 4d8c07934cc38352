/**
 * The one place that builds the paths of shared cards (chat: `onShareAppMessage().path`; Moments: the `query` of
 * `onShareTimeline()`, which always reopens the same page). Every shared path carries the sharer's invite code as
 * `inviter`, so a new member who opens the card is attributed to the sharer by first touch, as after a poster scan
 * (shared/session/poster-launch.ts). Sharing itself earns nothing (运营规范 5.1): nothing here calls the cloud.
 */

import { pagePath, type RouteName } from '@/shared/route/routes'

/** The query parameter of a shared path that names the sharer's invite code. */
export const INVITER_PARAM = 'inviter'

/** What a card opens, with the ids that page reads from its route. */
export type ShareTarget =
  | { page: 'camp'; campId: string; periodId?: string }
  | { page: 'material'; materialId: string }
  | { page: 'class'; classId: string }
  | { page: 'home' }

export type SharePage = ShareTarget['page']

export const SHARE_ROUTES: Readonly<Record<SharePage, RouteName>> = {
  camp: 'camp/detail',
  material: 'materials/detail',
  class: 'classes/detail',
  home: 'home',
}

/** Invite codes as the invites function issues them (6 chars today; the server validates on claim anyway). */
const CODE = /^[0-9A-Za-z]{4,12}$/

export const isInviteCode = (code: string | null | undefined): code is string => !!code && CODE.test(code)

function params(target: ShareTarget): [string, string][] {
  switch (target.page) {
    case 'camp':
      return target.periodId
        ? [
            ['campId', target.campId],
            ['periodId', target.periodId],
          ]
        : [['campId', target.campId]]
    case 'material':
      return [['materialId', target.materialId]]
    case 'class':
      return [['classId', target.classId]]
    case 'home':
      return []
  }
}

/** `campId=c1&periodId=p1&inviter=AB23CD` — without the inviter when the code is unknown or malformed. */
export function shareQuery(target: ShareTarget, inviterCode: string | null): string {
  const pairs = params(target)
  if (isInviteCode(inviterCode)) pairs.push([INVITER_PARAM, inviterCode.toUpperCase()])
  return pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
}

/** `/features/camp/pages/detail/index?campId=c1&inviter=AB23CD` */
export function sharePath(target: ShareTarget, inviterCode: string | null): string {
  const query = shareQuery(target, inviterCode)
  return `${pagePath(SHARE_ROUTES[target.page])}${query ? `?${query}` : ''}`
}

/** The invite code a launch query carries (`inviter=…`, maybe URL-encoded), upper-cased; null when absent or malformed. */
export function inviterOf(query: Readonly<Record<string, unknown>> | null | undefined): string | null {
  const raw = query?.[INVITER_PARAM]
  if (typeof raw !== 'string') return null
  let text: string
  try {
    text = decodeURIComponent(raw.trim())
  } catch {
    return null
  }
  return isInviteCode(text) ? text.toUpperCase() : null
}
