/**
 * Content security for what other members see of someone: the nickname (msgSecCheck v2, scene 1 = 资料) and the avatar
 * (strict own upload, sealed copy, mediaCheckAsync). A nickname needs a 'pass' to be stored; 'review' is refused too,
 * since nothing holds a nickname back for a teacher. When the check itself fails nothing is stored ("try again").
 */
import { isSealedFile, isOwnFile } from '../../domain/media'
import { currentEnv, errCode, openapi, result, sdk } from '../../shared/cloud'
import { sealUploads } from '../media/seal'

/** Members upload avatars to `avatars/{openid}/{unique name}`; the function shows others only the sealed copy. */
export const AVATAR_DIR = 'avatars'
const SCENE_PROFILE = 1
const MEDIA_IMAGE = 2

interface SecurityApi {
  security: {
    msgSecCheck(p: Record<string, unknown>): Promise<{ result?: { suggest?: string } }>
    mediaCheckAsync(p: Record<string, unknown>): Promise<{ traceId?: string; trace_id?: string }>
  }
}
const security = () => openapi<SecurityApi>().security

export type TextCheck = 'pass' | 'refused' | 'failed'

export async function checkProfileText(openid: string, text: string): Promise<TextCheck> {
  try {
    const res = await security().msgSecCheck({ openid, scene: SCENE_PROFILE, version: 2, content: text })
    return res.result?.suggest === 'pass' ? 'pass' : 'refused'
  } catch (err) {
    // v1-style 87014 means risky content; anything else is a failed check, never a pass.
    if (errCode(err) === 87014) return 'refused'
    console.warn('[identity] msgSecCheck failed', errCode(err))
    return 'failed'
  }
}

export type AvatarScreen = { fileId: string; traceId: string | null } | 'foreign' | 'missing'

/**
 * The avatar a member asked for, screened: their own upload (or a sealed copy of one) of this environment, existing,
 * sealed, and with a media check started on the sealed bytes. Others are shown it only once that check passes.
 */
export async function screenAvatar(openid: string, fileId: string): Promise<AvatarScreen> {
  const env = currentEnv()
  if (!isOwnFile(fileId, AVATAR_DIR, openid, env) && !isSealedFile(fileId, openid, env)) return 'foreign'
  const sealed = await sealUploads(openid, [fileId])
  if (sealed === 'missing') return 'missing'
  const sealedId = sealed.get(fileId) as string
  const urls = await result(
    sdk().getTempFileURL({ fileList: [sealedId] }) as Promise<{ fileList: { tempFileURL: string; status: number }[] }>,
  )
  const url = urls.fileList[0]?.status === 0 ? urls.fileList[0].tempFileURL : ''
  if (!url) return 'missing'
  try {
    const res = await security().mediaCheckAsync({ mediaUrl: url, mediaType: MEDIA_IMAGE, version: 2, openid, scene: SCENE_PROFILE })
    return { fileId: sealedId, traceId: res.traceId ?? res.trace_id ?? null }
  } catch (err) {
    console.warn('[identity] mediaCheckAsync failed', errCode(err))
    return { fileId: sealedId, traceId: null }
  }
}
