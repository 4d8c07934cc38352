import Taro from '@tarojs/taro'
import type { CallTransport } from './types'

declare const CLOUD_ENV_ID: string

/** The weapp build always talks to WeChat CloudBase through wx.cloud. */
export function initTransport(): void {
  if (!Taro.cloud) return
  Taro.cloud.init({ env: CLOUD_ENV_ID || undefined, traceUser: true })
}

export const transport: CallTransport = async (name, data) => {
  const res = await Taro.cloud.callFunction({ name, data })
  return res.result
}
