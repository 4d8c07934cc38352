/**
 * The teacher's annotated photos (图片批注) and voice comment, made safe to show the member. Each file must be the caller's own upload
 * under `reviews/{teacher}/` of this environment (or a sealed copy of one, which an edit sends back for the images
 * it keeps: domain isOwnAnnotation) and exist in storage. The function copies each upload to
 * `sealed/{teacher's public id}/{sha256}.{ext}` (services/media/seal.ts, the check-in photos' rule), so the member is
 * shown bytes nobody can overwrite afterwards, at a path that carries no openid.
 */
import { isOwnAnnotation } from '../../domain/review'
import { currentEnv } from '../../shared/cloud'
import { tempUrls } from '../../shared/storage'
import { sealUploads } from '../media/seal'

/** Seconds the existence probe's URLs live (nobody is handed them). */
const PROBE_SECONDS = 60

/**
 * The sealed copies of `fileIds`, in order and without repeats; 'foreign' when one is not the teacher's own file of
 * this environment or storage does not have it. A storage failure throws (SYS.*), it never reads as a missing file.
 */
export async function sealAnnotations(teacherId: string, fileIds: readonly string[]): Promise<string[] | 'foreign'> {
  if (fileIds.length === 0) return []
  const env = currentEnv()
  if (!fileIds.every((f) => isOwnAnnotation(f, teacherId, env))) return 'foreign'
  const sealed = await sealUploads(teacherId, fileIds)
  if (sealed === 'missing') return 'foreign'
  const copies = [...new Set(fileIds.map((f) => sealed.get(f) ?? f))]
  // sealUploads lets an already sealed file stand for itself without reading it: those must still be in storage.
  const kept = copies.filter((f) => fileIds.includes(f))
  if (kept.length > 0) {
    const there = await tempUrls(kept, PROBE_SECONDS)
    if (kept.some((f) => !there.has(f))) return 'foreign'
  }
  return copies
}
