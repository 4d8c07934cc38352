import Taro from '@tarojs/taro'
import { forgetInviteCode } from '@/shared/share/use-share'

/** The page's share handlers as registered with Taro (what WeChat calls when the member taps 转发 / 分享到朋友圈). */
export interface Shares {
  chat?: () => Taro.ShareAppMessageReturn
  timeline?: () => Taro.ShareTimelineReturnObject
}

export function captureShares(): Shares {
  forgetInviteCode()
  const shares: Shares = {}
  jest.spyOn(Taro, 'useShareAppMessage').mockImplementation((fn) => {
    shares.chat = fn as Shares['chat']
  })
  jest.spyOn(Taro, 'useShareTimeline').mockImplementation((fn) => {
    shares.timeline = fn as Shares['timeline']
  })
  return shares
}
