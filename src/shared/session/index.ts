import { useEffect, useState } from 'react'
import type { MeView } from '@cloud/contracts/identity'
import { launchPosterCode, openIdentity } from './poster-launch'

/** What `identity.me` answers: the caller's own member record, roles decided server-side. */
export type Me = Pick<MeView, 'openid' | 'nickname' | 'isAdmin' | 'isTeacher'> & Partial<MeView>

let pending: Promise<Me | null> | null = null

/**
 * One identity call per app run (`me`, or `open` + claim after a launch from an invite poster), shared by every page
 * that asks (started at launch after a poster scan); a failed call is not cached.
 */
export function loadMe(): Promise<Me | null> {
  if (!pending) {
    pending = openIdentity<Me>().then((res) => {
      if (res.code === 0) return res.data
      pending = null
      return null
    })
  }
  return pending
}

/** At launch: a launch from an invite poster identifies at once, so the new member is attributed before any page asks. */
export function identifyIfFromPoster(): void {
  if (launchPosterCode()) void loadMe()
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
