import Taro from '@tarojs/taro'

/** Wraps a CloudID so the cloud resolves it into the function's event (top-level fields only). */
export function cloudIdValue(cloudID: string): unknown {
  return Taro.cloud.CloudID(cloudID)
}
