/**
 * The member's poster: their code and a mini-program code image made once with `wxacode.getUnlimited` (scene
 * `i=CODE`, page = the home page in the main package) and kept in cloud storage; later calls reuse the stored file.
 * The code image alone (`inviteQrOf`) is what other features put on their own share images (community's 日签), so a
 * scan of any of them is the same first-touch claim of the same code.
 */
import { inviteRules, type PosterView } from '../../contracts/invites'
import { rejectInvite, sceneOf, type InviteCode, type InvitePosterDoc } from '../../domain/invites'
import type { Rejection } from '../../domain/kernel'
import { errCode, openapi, result, sdk } from '../../shared/cloud'
import { isDuplicateKey } from '../../shared/db'
import { memberOf } from '../identity/lookups'
import { downloadUrl } from '../../shared/storage'
import { track } from '../tracking/track'
import { ensureCode } from './codes'
import { POSTERS, repo } from './store'

/** Where a scan lands: the home page is in the main package, so it opens without loading a subpackage first. */
export const POSTER_PAGE = 'pages/home/index'
const QR_WIDTH = 430

interface WxacodeApi {
  wxacode: { getUnlimited(p: Record<string, unknown>): Promise<{ buffer: Buffer }> }
}

async function makeQrImage(code: string): Promise<string | null> {
  let image: Buffer
  try {
    const res = await openapi<WxacodeApi>().wxacode.getUnlimited({
      scene: sceneOf(code),
      page: POSTER_PAGE,
      width: QR_WIDTH,
      check_path: false,
    })
    image = res.buffer
  } catch (err) {
    console.warn('[invites] getUnlimited failed', errCode(err))
    return null
  }
  const up = await result(sdk().uploadFile({ cloudPath: `invite-posters/${code}.png`, fileContent: image }) as Promise<{ fileID: string }>)
  return up.fileID
}

async function posterDocOf(memberId: string, code: string, now: number): Promise<InvitePosterDoc | null> {
  const stored = await repo.get(POSTERS, memberId)
  if (stored && stored.code === code) return stored
  const fileId = await makeQrImage(code)
  if (!fileId) return null
  const doc: InvitePosterDoc = { _id: memberId, code, fileId, createdAt: now }
  try {
    await repo.col(POSTERS).add({ data: doc })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    return (await repo.get(POSTERS, memberId)) ?? doc
  }
  await track({ type: 'invite_poster', memberId, posterCode: code }, now)
  return doc
}

/** The member's invite code and its mini-program code image (made once, then reused). */
export interface InviteQr {
  code: string
  scene: string
  qrFileId: string
  /** Short-lived; null when storage no longer has the file. */
  qrUrl: string | null
}

/**
 * The member's code and its stored mini-program code image, making both on the first call; null when WeChat could not
 * make the image (nothing is stored then, and the next call tries again).
 */
export async function inviteQrOf(memberId: string, now: number): Promise<InviteQr | null> {
  const code = await ensureCode(memberId, now)
  const doc = await posterDocOf(memberId, code, now)
  if (!doc) return null
  return { code, scene: sceneOf(code), qrFileId: doc.fileId, qrUrl: await downloadUrl(doc.fileId) }
}

export async function posterOf(memberId: string, now: number): Promise<PosterView | Rejection<InviteCode>> {
  const [qr, member] = await Promise.all([inviteQrOf(memberId, now), memberOf(memberId)])
  if (!qr) return rejectInvite('INVITE.POSTER_FAILED')
  return {
    ...qr,
    nickname: member?.nickname || '学员',
    avatarFileId: member?.avatarFileId ?? '',
    rules: inviteRules(),
  }
}
