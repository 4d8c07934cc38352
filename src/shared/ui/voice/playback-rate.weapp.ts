import Taro from '@tarojs/taro'
import { weappPlaybackRateWorks } from './playback-rate-rule'

/** Weapp: canIUse does not cover instance properties, so the client's versions decide (older clients lack the APIs: no). */
export function playbackRateSupported(): boolean {
  try {
    const { SDKVersion } = Taro.getAppBaseInfo()
    const { platform, system } = Taro.getDeviceInfo()
    return weappPlaybackRateWorks(SDKVersion ?? '0', platform ?? '', system ?? '')
  } catch {
    return false
  }
}
