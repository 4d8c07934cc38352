import { callWithCallbacks, type CallbackApi } from './callback-api'

/**
 * wx.showShareMenu with a share ticket, so a card forwarded to a group opens with scene 1044 and group-enter info, and
 * with the Moments entry where the page allows it. A failure (old base library, single-page mode) only hides the menu
 * entries the page config already enables; it never blocks the page.
 */
export type ShareMenuOptions = { withShareTicket: boolean; menus: ('shareAppMessage' | 'shareTimeline')[] }
export type ShowShareMenuApi = CallbackApi<ShareMenuOptions, unknown>

export async function showShareMenu(api: ShowShareMenuApi | undefined, timeline: boolean): Promise<boolean> {
  if (!api) return false
  const menus: ShareMenuOptions['menus'] = timeline ? ['shareAppMessage', 'shareTimeline'] : ['shareAppMessage']
  return (await callWithCallbacks(api, { withShareTicket: true, menus })).ok
}

/** Scene 1154: the page was opened from Moments in 单页模式 (no login, no cloud calls, no navigation). */
export const SINGLE_PAGE_SCENE = 1154
