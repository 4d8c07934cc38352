import { randomBytes } from 'crypto'

/** Resolved open data as a function receives it, or the refusal WeChat puts in its place. */
export type ResolvedCloudId = { cloudID: string; data: unknown } | { cloudID: string; errCode: number; errMsg: string }

interface IssuedCloudId {
  openid: string
  kind: string
  data: unknown
  expiresAt: number
}

/** A CloudID is valid for five minutes after the client obtained it. */
const CLOUD_ID_TTL_MS = 5 * 60 * 1000

// The codes wx-server-sdk names for these cases (src/config/error.config.ts).
const INVALID = { errCode: -601005, errMsg: 'invalid cloudID' }
const EXPIRED = { errCode: -601006, errMsg: 'cloudID expired' }
const NOT_YOURS = { errCode: -601007, errMsg: 'cloudID and calling user does not match' }

/**
 * CloudIDs the emulator handed to clients (getPhoneNumber, group enter info, WeRun…), with the open
 * data each stands for. Only the user a CloudID was issued to can resolve it, within five minutes.
 */
export class CloudIdRegistry {
  private readonly issued = new Map<string, IssuedCloudId>()
  private seq = 0

  constructor(private readonly now: () => number) {}

  issue(openid: string, kind: string, data: unknown): string {
    const id = `${++this.seq}_${randomBytes(24).toString('base64url')}`
    this.issued.set(id, { openid, kind, data, expiresAt: this.now() + CLOUD_ID_TTL_MS })
    return id
  }

  /** Resolves one id for a caller; a caller without an openid (an admin/HTTP call) is not checked for ownership. */
  resolve(cloudID: string, callerOpenid: string | undefined): ResolvedCloudId {
    const entry = this.issued.get(cloudID)
    if (!entry) return { cloudID, ...INVALID }
    if (entry.expiresAt < this.now()) return { cloudID, ...EXPIRED }
    if (callerOpenid !== undefined && callerOpenid !== entry.openid) return { cloudID, ...NOT_YOURS }
    return { cloudID, data: structuredClone(entry.data) }
  }

  /**
   * Replaces each top-level `{ cloudID }` value of a function event with its open data, as the cloud does
   * for `wx.cloud.CloudID(…)` arguments. Nested ones stay as they are: the cloud only looks at the top level.
   */
  resolveEvent(event: unknown, callerOpenid: string | undefined): unknown {
    if (!event || typeof event !== 'object' || Array.isArray(event)) return event
    const resolved: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(event as Record<string, unknown>)) {
      const cloudID = cloudIdOf(value)
      resolved[key] = cloudID === undefined ? value : this.resolve(cloudID, callerOpenid)
    }
    return resolved
  }
}

/** The id inside a client-side `wx.cloud.CloudID(id)` value as it travels: an object whose only field is `cloudID`. */
function cloudIdOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
  const keys = Object.keys(value)
  const id = (value as { cloudID?: unknown }).cloudID
  return keys.length === 1 && typeof id === 'string' ? id : undefined
}
