/** Opening a file: only when the viewer holds the material; answers a short-lived URL and counts the download. */
import type { OpenedFile } from '../../contracts/materials'
import { rejectMaterial, type MaterialCode, type UnlockKind } from '../../domain/materials'
import { isRejection, type Rejection } from '../../domain/kernel'
import { materialFor, type Viewer } from './catalog'
import { countDownload } from './counters'
import { downloadUrl, OPEN_URL_SECONDS } from './files'
import { recordUnlock } from './unlock'

const LOCKED_CODE: Readonly<Record<UnlockKind, MaterialCode>> = {
  free: 'MATERIAL.LOCKED',
  points: 'MATERIAL.LOCKED',
  signup: 'MATERIAL.SIGNUP_REQUIRED',
  invites: 'MATERIAL.INVITES_REQUIRED',
}

export async function openFile(materialId: string, fileIndex: number, viewer: Viewer, now: number): Promise<OpenedFile | Rejection> {
  const found = await materialFor(materialId, viewer)
  if (isRejection(found)) return found
  const { material, facts, access } = found
  if (!access.unlocked) return rejectMaterial(LOCKED_CODE[material.rule.kind])
  const file = material.files[fileIndex]
  if (!file) return rejectMaterial('MATERIAL.FILE_NOT_FOUND')
  // A member qualifying by signup (or invited friends) holds it from the first open on, even if the signup is later
  // cancelled or the rule raised.
  if ((access.via === 'signup' || access.via === 'invites') && !facts.unlock) {
    const held = await recordUnlock(material, viewer.memberId, facts, now)
    if (isRejection(held)) return held
  }
  const url = await downloadUrl(file.fileId)
  if (!url) return rejectMaterial('MATERIAL.FILE_MISSING')
  // Staff previews are not downloads.
  if (access.via !== 'staff') {
    // The count and its event commit together (counters.ts).
    const event = {
      type: 'material_download' as const,
      memberId: viewer.memberId,
      ref: material._id,
      props: { materialId: material._id, file: fileIndex, kind: file.kind },
    }
    await countDownload(material._id, viewer.memberId, event, now)
  }
  return { name: file.name, kind: file.kind, size: file.size, url, expiresIn: OPEN_URL_SECONDS }
}
