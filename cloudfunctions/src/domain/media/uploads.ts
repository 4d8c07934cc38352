/**
 * Which stored files a member may use, by fileID alone. A member's own uploads sit in `{dir}/{memberId}/…`
 * (check-ins, avatars), which storage rules let their creator overwrite at any time (CloudBase: "如果上传至同一路径则是
 * 覆盖写"); what others are shown is a sealed copy the function wrote to `sealed/{publicId}/{sha256}.{ext}`: named by
 * its own bytes and created by the server, so no member can write to it (storage rule "仅创建者及管理员可写").
 */

import { publicIdOf } from '../identity/public-id'

export const SEALED_DIR = 'sealed'

/** A path segment members may create: no `..`, `?`, `#`, `%`, spaces or other separators. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/
const FILE_ID = /^cloud:\/\/([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\/(.+)$/

export interface FileRef {
  env: string
  bucket: string
  path: string
}

/** `cloud://{env}.{bucket}/{path}` with every path segment plain, or null. */
export function parseFileId(fileId: string): FileRef | null {
  const m = FILE_ID.exec(fileId)
  if (!m) return null
  const segments = m[3].split('/')
  if (!segments.every((s) => SEGMENT.test(s) && !s.includes('..'))) return null
  return { env: m[1], bucket: m[2], path: m[3] }
}

/**
 * Whether `fileId` is a file under `{dir}/{ownerId}/` (at any depth below it). `envId`, when known, must be the
 * environment of the fileID too: another environment's file is never the member's own upload here.
 */
export function isOwnFile(fileId: string, dir: string, ownerId: string, envId?: string): boolean {
  const ref = parseFileId(fileId)
  if (!ref || (envId !== undefined && ref.env !== envId)) return false
  const [top, owner, ...rest] = ref.path.split('/')
  return top === dir && owner === ownerId && rest.length > 0
}

/**
 * A sealed copy the function made of one of `ownerId`'s uploads. Sealed copies are what other members are shown, so
 * their folder is the owner's public id, never the openid.
 */
export const isSealedFile = (fileId: string, ownerId: string, envId?: string): boolean =>
  isOwnFile(fileId, SEALED_DIR, publicIdOf(ownerId), envId)

/** The lower-case extension of a path's last segment (what a viewer needs), or 'bin'. */
export function extensionOf(path: string): string {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(path)?.[1]
  return ext ? ext.toLowerCase() : 'bin'
}

/** Where the sealed copy of `ownerId`'s bytes with this SHA-256 goes (under the owner's public id). */
export function sealedPath(ownerId: string, sha256Hex: string, ext: string): string {
  return `${SEALED_DIR}/${publicIdOf(ownerId)}/${sha256Hex}.${ext}`
}
