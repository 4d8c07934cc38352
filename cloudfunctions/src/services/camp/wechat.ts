/**
 * The WeChat open capabilities camps use: group-enter CloudIDs, content security (text now, media asynchronously)
 * and subscribe messages. Each call is answered in the domain's terms; WeChat failures never crash a use case.
 */
import type { GroupCloudId } from '../../contracts/camp'
import type { Verdict } from '../../domain/camp'
import { errCode, openapi as sdkOpenapi, openData, result, sdk } from '../../shared/cloud'
import { availableUrls, type TempFileEntry } from '../../shared/temp-file-urls'

/** msgSecCheck / mediaCheckAsync scene 4 = 社交日志 (a check-in is a member's daily log). */
const SCENE_LOG = 4
const MEDIA_IMAGE = 2
const MEDIA_AUDIO = 1

interface OpenApi {
  security: {
    msgSecCheck(p: Record<string, unknown>): Promise<{ result?: { suggest?: string } }>
    mediaCheckAsync(p: Record<string, unknown>): Promise<{ traceId?: string; trace_id?: string }>
  }
  subscribeMessage: { send(p: Record<string, unknown>): Promise<unknown> }
}
const openapi = () => sdkOpenapi<OpenApi>()

/**
 * The opengid of a group-enter CloudID, resolved by THIS function with getOpenData — never taken from the event,
 * because a client could send `{ cloudID, data: { opengid } }` itself. A CloudID issued to another user, expired
 * or invalid resolves to null (no group proof).
 */
export async function resolveGroupId(value: GroupCloudId | undefined): Promise<string | null> {
  if (value === undefined) return null
  const cloudID = typeof value === 'string' ? value : value.cloudID
  if (!cloudID) return null
  try {
    const res = await openData<{ list: { data?: { opengid?: unknown } }[] }>([cloudID])
    const opengid = res.list[0]?.data?.opengid
    return typeof opengid === 'string' && opengid ? opengid : null
  } catch (err) {
    console.warn('[camp] getOpenData failed', errCode(err))
    return null
  }
}

const asVerdict = (s: unknown): Verdict | null => (s === 'pass' || s === 'review' || s === 'risky' ? s : null)

/** msgSecCheck v2 on the text. When the check itself fails the text is held for a teacher ('review'), never shown. */
export async function checkText(openid: string, text: string): Promise<Verdict> {
  if (!text.trim()) return 'pass'
  try {
    const res = await openapi().security.msgSecCheck({ openid, scene: SCENE_LOG, version: 2, content: text })
    return asVerdict(res.result?.suggest) ?? 'review'
  } catch (err) {
    console.warn('[camp] msgSecCheck failed', errCode(err))
    return 'review'
  }
}

export interface MediaFile {
  fileId: string
  kind: 'image' | 'voice'
}

/**
 * Starts mediaCheckAsync for each file and answers fileId → trace id. The files must exist (a temp URL is what the
 * check reads), so a fileID that names no stored file answers 'missing'. A check that cannot start leaves the file
 * without a trace id: it stays 'pending' (hidden from others) until a teacher clears it.
 */
export async function startMediaChecks(openid: string, files: readonly MediaFile[]): Promise<Map<string, string> | 'missing'> {
  const traces = new Map<string, string>()
  if (files.length === 0) return traces
  const urls = await result(
    sdk().getTempFileURL({ fileList: files.map((f) => f.fileId) }) as Promise<{
      fileList: TempFileEntry[]
    }>,
  )
  // a storage failure throws (SYS.*, the member retries); only files storage does not have are 'missing'
  const urlOf = availableUrls(urls.fileList)
  if (files.some((f) => !urlOf.has(f.fileId))) return 'missing'
  await Promise.all(
    files.map(async (f) => {
      try {
        const res = await openapi().security.mediaCheckAsync({
          mediaUrl: urlOf.get(f.fileId),
          mediaType: f.kind === 'image' ? MEDIA_IMAGE : MEDIA_AUDIO,
          version: 2,
          openid,
          scene: SCENE_LOG,
        })
        const traceId = res.traceId ?? res.trace_id
        if (traceId) traces.set(f.fileId, traceId)
      } catch (err) {
        console.warn('[camp] mediaCheckAsync failed', errCode(err))
      }
    }),
  )
  return traces
}

export type Screened = { textVerdict: Verdict; traces: Map<string, string> } | 'risky' | 'missing'

/**
 * msgSecCheck on the text and mediaCheckAsync on the files at once: in production each is a WeChat round trip, and
 * neither needs the other's answer. Risky text wins over a foreign file; a media check started for a submission that
 * is then refused only gets a verdict nobody matches (the message handler finds no check-in with its trace id).
 */
export async function screenContent(openid: string, text: string, files: readonly MediaFile[]): Promise<Screened> {
  const [textVerdict, traces] = await Promise.all([checkText(openid, text), startMediaChecks(openid, files)])
  if (textVerdict === 'risky') return 'risky'
  if (traces === 'missing') return 'missing'
  return { textVerdict, traces }
}

/** WeChat's "no subscription left" answer: the member used or never granted the credit. */
export const NO_SUBSCRIPTION = 43101

export type SendOutcome = 'sent' | 'no_credit' | 'failed'

export async function sendSubscribeMessage(message: {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
}): Promise<SendOutcome> {
  try {
    await openapi().subscribeMessage.send({ ...message, miniprogramState: 'formal' })
    return 'sent'
  } catch (err) {
    if (errCode(err) === NO_SUBSCRIPTION) return 'no_credit'
    console.warn('[camp] subscribeMessage.send failed', errCode(err))
    return 'failed'
  }
}
