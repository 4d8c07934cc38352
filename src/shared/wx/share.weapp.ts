/** WeChat's share menu and launch facts (the H5 file stands in for them in local mode). */
import Taro from '@tarojs/taro'
import { wxApi } from './base-library.weapp'
import { showShareMenu, SINGLE_PAGE_SCENE } from './share-menu'

/** Opened from Moments in 单页模式: no login state, so pages render a static landing and call no function. */
export function isSinglePageMode(): boolean {
  try {
    return wxApi('getLaunchOptionsSync')?.().scene === SINGLE_PAGE_SCENE
  } catch {
    return false
  }
}

/** Turns on 转发 with a share ticket (and 分享到朋友圈 when `timeline`); resolves whether WeChat accepted it. */
export function enableGroupShare(timeline: boolean): Promise<boolean> {
  if (isSinglePageMode()) return Promise.resolve(false)
  return showShareMenu(wxApi('showShareMenu'), timeline)
}

/** The query of a warm show (a shared card opened while the app was still alive). */
export function onAppShowQuery(listener: (query: Record<string, unknown>) => void): void {
  Taro.onAppShow((options) => listener((options?.query ?? {}) as Record<string, unknown>))
}
