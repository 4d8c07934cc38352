/**
 * WeChat client capabilities behind one typed module (the H5 file stands in for them in local mode).
 * Pages call these, never `wx.*` directly, so both builds behave alike.
 */
import Taro from '@tarojs/taro'
import { wxApi } from './base-library.weapp'
import { readGroupEnterCloudId } from './group-enter'

/** Asks for one-time subscribe-message credits; resolves the template ids the member accepted. */
export async function requestSubscribe(templateIds: string[]): Promise<string[]> {
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] })) as unknown as Record<string, string>
    return templateIds.filter((id) => res[id] === 'accept')
  } catch {
    return []
  }
}

/**
 * The CloudID of the group chat the page was opened from (scene 1008/1044), for the server to resolve
 * (see cloudIdValue); null when not opened from a group. wx.getGroupEnterInfo is callback-style (group-enter.ts).
 */
export function groupEnterCloudId(): Promise<string | null> {
  const scene = wxApi('getEnterOptionsSync')?.().scene
  return readGroupEnterCloudId(wxApi('getGroupEnterInfo'), scene)
}

/**
 * The phone-number CloudID from a `<Button openType='getPhoneNumber'>` tap's event detail; null when the member
 * refused (the detail then carries only errMsg). WeChat gives a phone number only through that button.
 */
export async function phoneNumberCloudId(fromButton?: { cloudID?: string }): Promise<string | null> {
  return fromButton?.cloudID || null
}

/** Local-mode switches do not exist in the weapp; kept so both files export the same API. */
export function setOpenedFromGroup(_on: boolean | string): void {}
export function openedFromGroupId(): string | null {
  return null
}
export function openedFromGroup(): boolean {
  return false
}

/** Re-exported for pages that pass a group CloudID along with a call. */
export { cloudIdValue } from '../cloud'
