import { rejectMaterial, type MaterialCode } from './rejections'
import type { MaterialFile } from './model'
import type { Rejection } from '../kernel'

/** `cloud://{env}.{bucket}/{path}` → the env id, or null when it is not a cloud fileID. */
export function envOfFileId(fileId: string): string | null {
  const m = /^cloud:\/\/([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+\/\S+$/.exec(fileId)
  return m ? m[1] : null
}

/**
 * Pure checks of a material's files before the service asks storage whether they exist: every fileID (and the
 * cover) must belong to this environment, and a file may appear once.
 */
export function checkFiles(files: readonly MaterialFile[], cover: string | null, envId: string): Rejection<MaterialCode> | null {
  const ids = files.map((f) => f.fileId)
  for (const id of cover ? [...ids, cover] : ids) {
    if (envOfFileId(id) !== envId) return rejectMaterial('MATERIAL.FILE_FOREIGN', { fileId: id })
  }
  if (new Set(ids).size !== ids.length) return rejectMaterial('MATERIAL.FILE_DUPLICATE')
  return null
}
