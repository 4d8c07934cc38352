import { createHmac, randomBytes, timingSafeEqual } from 'crypto'

/**
 * Signs temp download URLs and upload tokens the way COS does in spirit: a signature bound to one
 * cloud path and an expiry, so a URL cannot be edited to reach another file or outlive its max age.
 */
export class UrlSigner {
  private readonly key: Buffer

  constructor(
    private readonly now: () => number,
    key?: string,
  ) {
    this.key = key ? Buffer.from(key) : randomBytes(32)
  }

  /** `{ sign, t }` for `purpose` ('get' | 'put') on `cloudPath`, valid `maxAgeSec` seconds. */
  sign(purpose: string, cloudPath: string, maxAgeSec: number): { sign: string; t: number } {
    const t = Math.floor(this.now() / 1000) + Math.max(1, Math.floor(maxAgeSec))
    return { sign: this.mac(purpose, cloudPath, t), t }
  }

  /** 'ok', 'expired' or 'bad' (missing, malformed or for another path). */
  verify(purpose: string, cloudPath: string, sign: unknown, t: unknown): 'ok' | 'expired' | 'bad' {
    const expiry = Number(t)
    if (typeof sign !== 'string' || !Number.isInteger(expiry)) return 'bad'
    const expected = Buffer.from(this.mac(purpose, cloudPath, expiry))
    const given = Buffer.from(sign)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad'
    return expiry * 1000 < this.now() ? 'expired' : 'ok'
  }

  private mac(purpose: string, cloudPath: string, t: number): string {
    return createHmac('sha256', this.key).update(`${purpose}\n${cloudPath}\n${t}`).digest('hex')
  }
}
