/**
 * Local mode (H5 + emulator) stand-ins for WeChat client capabilities: the emulator plays
 * WeChat's part (subscription credits, CloudIDs resolved per dev persona).
 */
import { currentPersona } from '../cloud/persona'

const FROM_GROUP_KEY = 'dev.fromGroup'

async function local<T>(path: string, body: unknown): Promise<T | null> {
  try {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': currentPersona() },
      body: JSON.stringify(body),
    })
    return res.ok ? ((await res.json()) as T) : null
  } catch {
    return null
  }
}

/** Accepts every template, as a member tapping 允许 would. */
export async function requestSubscribe(templateIds: string[]): Promise<string[]> {
  const res = await local<Record<string, string>>('/__local/subscribe', { templateIds })
  return res ? templateIds.filter((id) => res[id] === 'accept') : []
}

/** In local mode "opened from the camp group" is a switch on the dev panel (stored in localStorage). */
export function setOpenedFromGroup(on: boolean): void {
  globalThis.localStorage?.setItem(FROM_GROUP_KEY, on ? '1' : '0')
}

export function openedFromGroup(): boolean {
  return globalThis.localStorage?.getItem(FROM_GROUP_KEY) === '1'
}

export async function groupEnterCloudId(): Promise<string | null> {
  if (!openedFromGroup()) return null
  const res = await local<{ cloudID: string }>('/__local/cloudid', { kind: 'groupEnterInfo' })
  return res?.cloudID ?? null
}

/**
 * The member's phone-number CloudID. In local mode the emulator issues one for the current persona (what tapping
 * 允许 on WeChat's phone-number sheet yields); the argument — the weapp button's event detail — is not used here.
 */
export async function phoneNumberCloudId(_fromButton?: { cloudID?: string }): Promise<string | null> {
  const res = await local<{ cloudID: string }>('/__local/cloudid', { kind: 'phoneNumber' })
  return res?.cloudID ?? null
}

/** Re-exported for pages that pass a group CloudID along with a call. */
export { cloudIdValue } from '../cloud'
