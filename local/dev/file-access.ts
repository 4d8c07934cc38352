/**
 * The storage rules local mode enforces for the H5 client, standing in for production's: the client reads and writes
 * storage directly (`wx.cloud.uploadFile`, `<Image src="cloud://…">`), so what it may touch is decided by rules, not by
 * functions. This product's rules:
 * - uploads only into the caller's own folders — `checkins/{openid}/`, `avatars/{openid}/`, `reviews/{openid}/`
 *   (teachers and admins) — or, for admins, new files under `materials/`, `camp-covers/` and `mall-items/` (never replacing one);
 *   `sealed/` is written by functions only, so no client can change content a verdict was given for;
 * - reads: a material's files only by staff (its cover by everyone) — members open them through `materials.open`, which checks the unlock rule
 *   and hands out a short signed link; analytics exports only by staff; a member's originals (`checkins/`, `avatars/`) only by their owner and staff —
 *   others are shown the sealed copies; everything else the product shows (covers, sealed media, voice reviews) by all.
 * Roles come from `members/{openid}.roles`, as the functions read them.
 */
import type { LocalDatabase } from '../../emulator/db'

export type Access = { ok: true } | { ok: false; status: 403; code: string; message: string }

const allowed: Access = { ok: true }
const forbidden = (message: string): Access => ({ ok: false, status: 403, code: 'STORAGE.FORBIDDEN', message })

export interface FileAccessDeps {
  db: Pick<LocalDatabase, 'find'>
}

async function rolesOf(db: FileAccessDeps['db'], openid: string): Promise<Set<string>> {
  const [member] = (await db.find('members', { _id: openid })) as { roles?: string[] }[]
  return new Set(member?.roles ?? [])
}

const isStaff = (roles: Set<string>) => roles.has('teacher') || roles.has('admin')
const OWN_FOLDERS = ['checkins', 'avatars']
const STAFF_OWN_FOLDERS = ['reviews']
const ADMIN_FOLDERS = ['materials', 'camp-covers', 'mall-items']
/** Private data written by functions (member exports): staff only. */
const STAFF_ONLY_FOLDERS = ['analytics-exports']

/** Whether `openid` may write `cloudPath` (already a valid cloud path); `exists` = a file is already there. */
export async function uploadAccess(deps: FileAccessDeps, openid: string, cloudPath: string, exists: boolean): Promise<Access> {
  const [top, owner, ...rest] = cloudPath.split('/')
  if (OWN_FOLDERS.includes(top) && owner === openid && rest.length > 0) return allowed
  const roles = await rolesOf(deps.db, openid)
  if (STAFF_OWN_FOLDERS.includes(top) && owner === openid && rest.length > 0 && isStaff(roles)) return allowed
  if (ADMIN_FOLDERS.includes(top) && owner !== undefined && roles.has('admin')) {
    return exists ? forbidden('该位置已有文件，请换一个文件名上传') : allowed
  }
  return forbidden('不能上传到这个位置')
}

/** Whether `openid` may load the stored file at `cloudPath` (fileID `fileID`) the way `<Image src>` does. */
export async function readAccess(deps: FileAccessDeps, openid: string | undefined, fileID: string, cloudPath: string): Promise<Access> {
  const [top, owner] = cloudPath.split('/')
  const roles = openid ? await rolesOf(deps.db, openid) : new Set<string>()
  if (isStaff(roles)) return allowed
  if (OWN_FOLDERS.includes(top)) return owner === openid ? allowed : forbidden('只能查看自己上传的原文件')
  if (STAFF_ONLY_FOLDERS.includes(top)) return forbidden('只有老师和运营可以查看')
  if (top === 'materials') {
    // A cover is shown on the catalog to everyone, even when it is also one of the files (the demo's image materials).
    const [asCover, asFile] = await Promise.all([
      deps.db.find('materials', { cover: fileID }),
      deps.db.find('materials', { 'files.fileId': fileID }),
    ])
    if (asCover.length === 0 && asFile.length > 0) return forbidden('请在资料页打开该文件')
  }
  return allowed
}
