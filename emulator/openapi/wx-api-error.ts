import { randomBytes } from 'crypto'

/**
 * A refusal WeChat itself answers with (`{ errcode, errmsg }` in the JSON body), e.g. 40169 invalid scene.
 * Open API handlers throw it; the dispatcher turns it into the body the SDK throws `{ errCode: errcode }` for.
 */
export class WxApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${errcode} ${errmsg}`)
    this.name = 'WxApiError'
  }
}

/** Shared WeChat error codes used by several APIs. */
export const WX_ERR = {
  INVALID_OPENID: [40003, 'invalid openid'],
  INVALID_ARGS: [40097, 'invalid args'],
} as const

export function wxError([code, message]: readonly [number, string], detail?: string): WxApiError {
  return new WxApiError(code, detail ? `${message}: ${detail}` : message)
}

/** WeChat appends a request id to every errmsg ("invalid scene rid: 6557…"); so do we, so callers match by prefix. */
export function withRid(errmsg: string): string {
  return `${errmsg} rid: ${traceId()}`
}

/** Ids shaped like WeChat's trace ids: `6247e8b4-5601e99c-0782c62b`. */
export function traceId(nowMs = Date.now()): string {
  const seconds = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0')
  return `${seconds}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`
}

/** What an open API handler answers: a WeChat JSON body (errcode 0 is added) or raw bytes. */
export type OpenApiResult = { json: Record<string, unknown> } | { binary: Buffer; contentType: string }

export function stringParam(params: Record<string, unknown>, key: string): string | undefined {
  const value = params[key]
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return undefined
}
