import { useEffect, useState } from 'react'
import type { MeView } from '@cloud/contracts/identity'
import { callAction } from '@/shared/cloud'
import { inviterOf } from '@/shared/share/share-path'
import { isSinglePageMode } from '@/shared/wx/share'
import { launchInvite, openIdentity } from './poster-launch'

/** What `identity.me` answers: the caller's own member record, roles decided server-side. */
export type Me = Pick<MeView, 'openid' | 'nickname' | 'isAdmin' | 'isTeacher'> & Partial<MeView>

let pending: Promise<Me | null> | null = null

/**
 * One identity call per app run (`me`, or `open` + claim after a launch from an invite poster), shared by every page
 * that asks (started at launch after a poster scan); a failed call is not cached.
 */
export function loadMe(): Promise<Me | null> {
  if (!pending) {
    pending = openIdentity().then((res) => {
      if (res.code === 0) return res.data
      pending = null
      return null
    })
  }
  return pending
}

/**
 * At launch: a launch from an invite poster or a shared card identifies at once, so the new member is attributed
 * before any page asks. Not in Moments' 单页模式: there is no login state to call a function with.
 */
export function identifyIfFromPoster(): void {
  if (isSinglePageMode()) return
  if (launchInvite()) void loadMe()
}

const warmClaims = new Set<string>()

/**
 * A warm show from a shared card (the app was still alive): claim the sharer's code once per app run, after the
 * identity call. The server attributes only members new within its window and refuses everything else; the answer
 * changes nothing on screen, so it is not awaited by anyone.
 */
export async function claimWarmInvite(query: Readonly<Record<string, unknown>>): Promise<void> {
  const code = inviterOf(query)
  if (!code || code === launchInvite()?.code || warmClaims.has(code) || isSinglePageMode()) return
  warmClaims.add(code)
  if (await loadMe()) await callAction('invites', 'claim', { code })
}

/** Forget the cached identity (after a role change, or between tests). */
export function refreshMe(): void {
  pending = null
}

export function isAdmin(me: Me | null): boolean {
  return !!me && me.isAdmin
}

export function useMe(): { loading: boolean; me: Me | null } {
  const [state, setState] = useState<{ loading: boolean; me: Me | null }>({ loading: true, me: null })
  useEffect(() => {
    let alive = true
    void loadMe().then((me) => {
      if (alive) setState({ loading: false, me })
    })
    return () => {
      alive = false
    }
  }, [])
  return state
}
