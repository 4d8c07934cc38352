/**
 * Points the real, unchanged wx-server-sdk at a local emulator server, as a deployed function would be
 * pointed at CloudBase. The SDK reads these variables per request, but jest gives each test file its own
 * process.env and module registry, so one call per file (before the first request) is enough.
 */
import type * as WxServerSdk from 'wx-server-sdk'

export type WxCloud = typeof WxServerSdk

export const TEST_ENV_ID = 'local-test-1a2b3c'

export function connectWxSdk(serverUrl: string, extraEnv: Record<string, string> = {}): WxCloud {
  const env: Record<string, string> = {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${serverUrl}/admin` }),
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    TCB_ENV: TEST_ENV_ID,
    SCF_NAMESPACE: TEST_ENV_ID,
    TENCENTCLOUD: 'true',
    ...extraEnv,
  }
  for (const [key, value] of Object.entries(env)) process.env[key] = value
  const cloud = require('wx-server-sdk') as WxCloud
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  return cloud
}

export interface SdkFailure {
  /** Numeric code (open API, database: `40169`, `-502005`; storage calls rethrown by the node SDK: `-1`). */
  errCode: unknown
  /** CloudBase string code, present when the node SDK threw it (storage: `STORAGE_FILE_NONEXIST`). */
  code: unknown
  errMsg: string
  message: string
}

/** What a rejected SDK call carries, for asserting on the exact code. */
export async function sdkFailure(call: Promise<unknown>): Promise<SdkFailure> {
  try {
    await call
  } catch (err) {
    const e = err as { errCode?: unknown; code?: unknown; errMsg?: unknown; message?: unknown }
    return { errCode: e.errCode, code: e.code, errMsg: String(e.errMsg ?? ''), message: String(e.message ?? '') }
  }
  throw new Error('expected the SDK call to fail, but it succeeded')
}

/** The SDK types some calls as `Promise<R> | void` (callback style); these give tests the promise's type. */
type Settled<F extends (...args: never[]) => unknown> = Exclude<Awaited<ReturnType<F>>, void>

export async function getTempFileURL(cloud: WxCloud, fileList: Parameters<WxCloud['getTempFileURL']>[0]['fileList']) {
  return (await cloud.getTempFileURL({ fileList })) as Settled<WxCloud['getTempFileURL']>
}

export async function deleteFile(cloud: WxCloud, fileList: string[]) {
  return (await cloud.deleteFile({ fileList })) as Settled<WxCloud['deleteFile']>
}
