import type { Envelope } from '@cloud/contracts/envelope'
import { callCloud } from '@/shared/cloud'
import { launchScene } from './launch-scene'

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

/**
 * The app run's first identity call. Launched from an invite poster: `open` with the code (the server keeps it as
 * the new member's first touch) and then `claim` it; the claim's refusals (old member, own code…) change nothing
 * the member needs to see. Otherwise a plain `me`.
 */
export async function openIdentity<T>(): Promise<Envelope<T>> {
  const code = launchPosterCode()
  if (!code) return callCloud<T>('identity', 'me')
  const opened = await callCloud<T>('identity', 'open', { channel: 'poster', posterCode: code })
  if (opened.code === 0) await callCloud('invites', 'claim', { code })
  return opened
}
