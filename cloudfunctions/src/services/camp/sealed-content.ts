/**
 * A check-in's content with every image and voice file replaced by its sealed copy (services/media/seal.ts), so the
 * media checks run on — and the feed shows — bytes no member can change afterwards. Used by submit and edit.
 */
import { CHECKIN_LIMITS, type CheckinContent } from '../../domain/camp'
import { sealUploadsWithin } from '../media/seal'

/** 'too_large': an image over CHECKIN_LIMITS.maxImageBytes (the same limit the page checks before uploading). */
export async function sealContent(memberId: string, content: CheckinContent): Promise<CheckinContent | 'missing' | 'too_large'> {
  const files = [...content.images, ...(content.voice ? [content.voice.fileId] : [])]
  if (files.length === 0) return content
  const limits = new Map(content.images.map((f) => [f, CHECKIN_LIMITS.maxImageBytes]))
  const sealed = await sealUploadsWithin(memberId, files, limits)
  if (sealed === 'missing' || sealed === 'too_large') return sealed
  return {
    ...content,
    images: content.images.map((f) => sealed.get(f) ?? f),
    voice: content.voice ? { ...content.voice, fileId: sealed.get(content.voice.fileId) ?? content.voice.fileId } : null,
  }
}
