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

/**
 * In local mode "opened from a group chat card" is a choice on the dev panel (stored in localStorage): off, the
 * persona's first group ('1', the seeded camp group), or one named demo group (its id), e.g. a new group to bind.
 */
export function setOpenedFromGroup(on: boolean | string): void {
  globalThis.localStorage?.setItem(FROM_GROUP_KEY, on === true ? '1' : on === false ? '0' : on)
}

/** The chosen demo group id, '1' for the persona's first group, or null when the app is opened directly. */
export function openedFromGroupId(): string | null {
  const value = globalThis.localStorage?.getItem(FROM_GROUP_KEY)
  return value && value !== '0' ? value : null
}

export function openedFromGroup(): boolean {
  return openedFromGroupId() !== null
}

export async function groupEnterCloudId(): Promise<string | null> {
  const group = openedFromGroupId()
  if (!group) return null
  // The emulator issues the CloudID only if the persona is in that group (WeChat would not open the card otherwise).
  const res = await local<{ cloudID: string }>(
    '/__local/cloudid',
    group === '1' ? { kind: 'groupEnterInfo' } : { kind: 'groupEnterInfo', groupId: group },
  )
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
