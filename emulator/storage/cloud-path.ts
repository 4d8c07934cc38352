import * as path from 'path'

/**
 * Cloud paths and fileIDs as CloudBase spells them:
 * `cloud://<env>.<bucket>/<cloudPath>`, the bucket being `<hex of the env's first two letters>-<env>-<appid number>`.
 * A cloud path is checked once, here, before it ever becomes a disk path, so traversal cannot happen.
 */

const MAX_PATH_BYTES = 850
// Characters CloudBase tells developers to avoid; `#`, `?` and `%` would also break the raw temp URLs
// that the SDK re-encodes with encodeURI, and `\` would be a separator on Windows.
const FORBIDDEN = /[\\#?%"<>`^{}[\]]/
const hasControlCharacter = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)

/** Why a cloud path is refused, or undefined when it is fine. */
export function cloudPathProblem(cloudPath: unknown): string | undefined {
  if (typeof cloudPath !== 'string' || cloudPath.length === 0) return 'cloudPath must be a non-empty string'
  if (Buffer.byteLength(cloudPath) > MAX_PATH_BYTES) return `cloudPath is longer than ${MAX_PATH_BYTES} bytes`
  if (cloudPath.startsWith('/')) return 'cloudPath must not start with /'
  if (FORBIDDEN.test(cloudPath) || hasControlCharacter(cloudPath)) return 'cloudPath contains a forbidden character'
  for (const segment of cloudPath.split('/')) {
    if (segment === '') return 'cloudPath must not contain empty segments (//) or end with /'
    if (segment === '.' || segment === '..') return 'cloudPath must not contain . or .. segments'
  }
  return undefined
}

/** The file on disk for a cloud path that passed `cloudPathProblem`; refuses anything that would leave `root`. */
export function diskPathOf(root: string, cloudPath: string): string | undefined {
  if (cloudPathProblem(cloudPath)) return undefined
  const base = path.resolve(root)
  const full = path.resolve(base, ...cloudPath.split('/'))
  return full.startsWith(base + path.sep) ? full : undefined
}

export function bucketOf(envId: string): string {
  return `${Buffer.from(envId.slice(0, 2)).toString('hex')}-${envId}-1250000000`
}

export function fileIdOf(envId: string, cloudPath: string): string {
  return `cloud://${envId}.${bucketOf(envId)}/${cloudPath}`
}

/** The cloud path inside a fileID of this env, or undefined for a malformed or foreign fileID. */
export function cloudPathOf(envId: string, fileID: unknown): string | undefined {
  if (typeof fileID !== 'string') return undefined
  const prefix = `cloud://${envId}.${bucketOf(envId)}/`
  if (!fileID.startsWith(prefix)) return undefined
  const cloudPath = fileID.slice(prefix.length)
  return cloudPathProblem(cloudPath) ? undefined : cloudPath
}

/**
 * A well-formed `cloud://<env>.<bucket>/<path>` fileID of another env or bucket. Such a file is missing from this
 * bucket (STORAGE_FILE_NONEXIST), not an invalid parameter: only malformed fileIDs are.
 */
export function isForeignFileId(envId: string, fileID: unknown): boolean {
  if (typeof fileID !== 'string' || !/^cloud:\/\/[^/.\s]+\.[^/\s]+\/\S/.test(fileID)) return false
  return !fileID.startsWith(`cloud://${envId}.${bucketOf(envId)}/`)
}
