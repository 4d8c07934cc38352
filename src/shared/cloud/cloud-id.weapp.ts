import Taro from '@tarojs/taro'
import type { CloudIdWrapper } from '@cloud/contracts/calls'

/** Wraps a CloudID so the cloud resolves it into the function's event (top-level fields only). */
export function cloudIdValue(cloudID: string): CloudIdWrapper {
  // Taro types CloudID() as void; WeChat returns the wrapper object it resolves in the event.
  return Taro.cloud.CloudID(cloudID) as unknown as CloudIdWrapper
}
