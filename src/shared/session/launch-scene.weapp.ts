import Taro from '@tarojs/taro'

/**
 * The launch query: a mini-program code (`wxacode.getUnlimited`) hands its scene over URL-encoded as `scene`; a shared
 * card opens its page with the card path's query (`inviter=…`). Cold launches; warm shows go through onAppShowQuery.
 */
export function launchQuery(): Record<string, string | undefined> {
  return (Taro.getLaunchOptionsSync().query ?? {}) as Record<string, string | undefined>
}

export function launchScene(): string | null {
  return launchQuery().scene ?? null
}
