/**
 * A check-in's content with every image and voice file replaced by its sealed copy (services/media/seal.ts), so the
 * media checks run on — and the feed shows — bytes no member can change afterwards. Used by submit and edit.
 */
import type { CheckinContent } from '../../domain/camp'
import { sealUploads } from '../media/seal'

export async function sealContent(memberId: string, content: CheckinContent): Promise<CheckinContent | 'missing'> {
  const files = [...content.images, ...(content.voice ? [content.voice.fileId] : [])]
  if (files.length === 0) return content
  const sealed = await sealUploads(memberId, files)
  if (sealed === 'missing') return 'missing'
  return {
    ...content,
    images: content.images.map((f) => sealed.get(f) ?? f),
    voice: content.voice ? { ...content.voice, fileId: sealed.get(content.voice.fileId) ?? content.voice.fileId } : null,
  }
}
