/**
 * Sealing members' uploads before anyone else is shown them. The member's file (in their own folder, which they may
 * overwrite whenever they like) is copied by the function to `sealed/{member's public id}/{sha256}.{ext}`: the copy is named by
 * its bytes and created by the server, so the content a verdict was given for is the content shown, forever. Sealing
 * the same bytes again writes the same file (a retry is safe); an already sealed own file stands for itself.
 */
import { createHash } from 'crypto'
import { extensionOf, isSealedFile, parseFileId, sealedPath } from '../../domain/media'
import { currentEnv, result, sdk } from '../../shared/cloud'

/**
 * The per-file codes storage answers for a fileID that names no file the caller can have (the node SDK puts the
 * batchGetDownloadUrl entry's code on the error): "no such file", as opposed to a failure worth a retry (SYS.*).
 */
const NOT_A_FILE = new Set(['STORAGE_FILE_NONEXIST', 'INVALID_PARAM'])
const isMissingFile = (err: unknown): boolean => NOT_A_FILE.has(String((err as { code?: unknown })?.code))

async function sealOne(ownerId: string, fileId: string, maxBytes?: number): Promise<string | 'missing' | 'too_large'> {
  const ref = parseFileId(fileId)
  if (!ref || ref.env !== currentEnv()) return 'missing'
  if (isSealedFile(fileId, ownerId)) return fileId
  let bytes: Buffer
  try {
    const res = await result(sdk().downloadFile({ fileID: fileId }) as Promise<{ fileContent: Buffer }>)
    bytes = res.fileContent
  } catch (err) {
    if (isMissingFile(err)) return 'missing'
    throw err
  }
  if (maxBytes !== undefined && bytes.length > maxBytes) return 'too_large'
  const digest = createHash('sha256').update(bytes).digest('hex')
  const uploaded = await result(
    sdk().uploadFile({ cloudPath: sealedPath(ownerId, digest, extensionOf(ref.path)), fileContent: bytes }) as Promise<{ fileID: string }>,
  )
  return uploaded.fileID
}

/**
 * fileID → its sealed copy, for every file; 'missing' when one is not a stored file of this environment; 'too_large'
 * when one of the files given a byte limit in `maxBytes` is larger (checked on the bytes the function itself read,
 * so a page that skipped its own check gains nothing).
 */
export async function sealUploadsWithin(
  ownerId: string,
  fileIds: readonly string[],
  maxBytes: ReadonlyMap<string, number>,
): Promise<Map<string, string> | 'missing' | 'too_large'> {
  const unique = [...new Set(fileIds)]
  const sealed = await Promise.all(unique.map((f) => sealOne(ownerId, f, maxBytes.get(f))))
  if (sealed.includes('missing')) return 'missing'
  if (sealed.includes('too_large')) return 'too_large'
  return new Map(unique.map((f, i) => [f, sealed[i]]))
}

/** fileID → its sealed copy, for every file; 'missing' when one is not a stored file of this environment. */
export async function sealUploads(ownerId: string, fileIds: readonly string[]): Promise<Map<string, string> | 'missing'> {
  return sealUploadsWithin(ownerId, fileIds, new Map()) as Promise<Map<string, string> | 'missing'>
}
