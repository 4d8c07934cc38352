import Taro from '@tarojs/taro'

/**
 * The scene of a launch from a mini-program code (`wxacode.getUnlimited`): WeChat hands it over URL-encoded in the
 * launch query. Cold launches only; a warm enter from a poster keeps the first launch's attribution anyway.
 */
export function launchScene(): string | null {
  const query = (Taro.getLaunchOptionsSync().query ?? {}) as Record<string, string | undefined>
  return query.scene ?? null
}
