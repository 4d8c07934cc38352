/**
 * A production weapp build is what gets uploaded, so it must carry this mini program's real ids: with placeholders every
 * subscribe request fails and wx.cloud.init points nowhere. Local builds (development, H5) keep placeholders, and so does
 * the production build `npm test` and CI make, which says so with CAMP_BUILD=test.
 */
import { SUBSCRIBE_TEMPLATES } from './subscribe-templates'

/** Values .env.example ships with or DevTools' tourist mode uses: not real ids. */
const PLACEHOLDERS = new Set(['', 'touristappid', 'wx0000000000000000', 'your-cloud-env-id'])

export const RELEASE_VARIABLES = ['TARO_APP_ID', 'TARO_APP_CLOUD_ENV', ...Object.values(SUBSCRIBE_TEMPLATES).map((t) => t.env)] as const

export function missingReleaseVariables(env: Readonly<Record<string, string | undefined>>): string[] {
  return RELEASE_VARIABLES.filter((name) => PLACEHOLDERS.has(env[name]?.trim() ?? ''))
}

/** Throws (the build stops) when a release build lacks real ids; answers quietly for every other build. */
export function assertReleaseIds(env: Readonly<Record<string, string | undefined>>): void {
  const isRelease = env.TARO_ENV === 'weapp' && env.NODE_ENV === 'production' && env.CAMP_BUILD !== 'test'
  const missing = isRelease ? missingReleaseVariables(env) : []
  if (missing.length > 0)
    throw new Error(
      `生产构建缺少真实的配置：${missing.join(', ')}。请在 .env.local 中填写（见 .env.example）；` +
        `测试 / CI 构建请设置 CAMP_BUILD=test 以使用占位 ID。`,
    )
}
