/**
 * Which invocation sent a request the SDK made from inside a function. Each
 * invocation gets a random token that its worker uses as TENCENTCLOUD_SECRETID
 * and WX_API_TOKEN; the SDK signs every request with the secret id
 * (`Authorization: TC3-HMAC-SHA256 Credential=<secretId>/…`) and puts the API
 * token in the body (`wxCloudApiToken`). Tokens live while their invocation runs.
 */
import { randomBytes } from 'crypto'
import type { RequestContext } from '../core/router'
import type { Invoker } from './wx-context'

export interface CallerInfo extends Invoker {
  functionName: string
}

const CREDENTIAL = /Credential=([^/,\s]+)\//

export class CallerRegistry {
  private readonly live = new Map<string, CallerInfo>()

  open(info: CallerInfo): string {
    const token = `emu${randomBytes(12).toString('hex')}`
    this.live.set(token, info)
    return token
  }

  close(token: string): void {
    this.live.delete(token)
  }

  /** The calling invocation, from the Authorization header or else the body's `wxCloudApiToken`. */
  lookup(ctx: RequestContext, params?: Record<string, unknown>): CallerInfo | undefined {
    const auth = ctx.headers.authorization
    const match = typeof auth === 'string' ? CREDENTIAL.exec(auth) : null
    const fromHeader = match ? this.live.get(match[1]) : undefined
    if (fromHeader) return fromHeader
    const token = params?.wxCloudApiToken
    return typeof token === 'string' ? this.live.get(token) : undefined
  }
}
