import type { Envelope } from '@cloud/contracts/envelope'
import type { MeView } from '@cloud/contracts/identity'
import { callAction } from '@/shared/cloud'
import { inviterOf } from '@/shared/share/share-path'
import { launchQuery, launchScene } from './launch-scene'

const SCENE_PREFIX = 'i='

/** The invite code a launch scene carries (`i=CODE`, maybe URL-encoded once more); the server validates it. */
export function posterCodeOf(scene: string | null): string | null {
  if (!scene) return null
  let text: string
  try {
    text = decodeURIComponent(scene.trim())
  } catch {
    return null
  }
  const code = text.startsWith(SCENE_PREFIX) ? text.slice(SCENE_PREFIX.length) : text
  return /^[0-9A-Za-z]{4,12}$/.test(code) ? code.toUpperCase() : null
}

/** The invite code of this app run's launch, if it came from a poster. */
export function launchPosterCode(): string | null {
  try {
    return posterCodeOf(launchScene())
  } catch {
    return null
  }
}

/** How this app run was launched with someone's invite code: a poster scan, or a card they shared (`inviter=`). */
export interface LaunchInvite {
  code: string
  channel: 'poster' | 'share'
}

export function launchInvite(): LaunchInvite | null {
  const poster = launchPosterCode()
  if (poster) return { code: poster, channel: 'poster' }
  try {
    const shared = inviterOf(launchQuery())
    return shared ? { code: shared, channel: 'share' } : null
  } catch {
    return null
  }
}

/**
 * The app run's first identity call. Launched from an invite poster or a shared card: `open` with the code (the
 * server keeps it and the channel as the new member's first touch) and then `claim` it, the same path for both; the
 * claim's refusals (old member, own code…) change nothing the member needs to see. Otherwise a plain `me`.
 */
export async function openIdentity(): Promise<Envelope<MeView>> {
  const invite = launchInvite()
  if (!invite) return callAction('identity', 'me')
  const opened = await callAction('identity', 'open', { channel: invite.channel, posterCode: invite.code })
  if (opened.code === 0) await callAction('invites', 'claim', { code: invite.code })
  return opened
}
