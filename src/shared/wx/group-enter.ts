import { callWithCallbacks, type CallbackApi } from './callback-api'

/**
 * The group-enter CloudID of a page opened from a group chat card: scene 1008 (group card) or 1044 (card with a
 * shareTicket). wx.getGroupEnterInfo is callback-style only (base library docs: 以 Promise 风格 调用：不支持) and
 * answers `{ cloudID, encryptedData, iv }` to a mini program with cloud development; it fails with 40097 (wrong scene)
 * or 65206 (no longer in the group). The camp function resolves the CloudID to the opengid; the page never sees it.
 */
export const GROUP_CARD_SCENES: readonly number[] = [1008, 1044]

export type GroupEnterInfoApi = CallbackApi<object, { cloudID?: string }>

export async function readGroupEnterCloudId(api: GroupEnterInfoApi | undefined, scene: number | undefined): Promise<string | null> {
  if (!api || scene === undefined || !GROUP_CARD_SCENES.includes(scene)) return null
  const out = await callWithCallbacks(api, {})
  return out.ok && typeof out.res.cloudID === 'string' && out.res.cloudID ? out.res.cloudID : null
}
