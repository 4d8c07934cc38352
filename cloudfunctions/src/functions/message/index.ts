/**
 * Message-push events (configured as the mini program's message push target). Today: mediaCheckAsync results
 * (`wxa_media_check`), which update a check-in's moderation or, failing that, a member's pending avatar. Calls from the mini program itself are refused: a
 * member must not be able to post a verdict.
 */
import { applyMediaCheck, isMediaCheckEvent } from '../../services/camp/moderation'
import { applyAvatarCheck } from '../../services/identity/avatar-verdicts'
import { caller } from '../../shared/cloud'

const FROM_CLIENT = /^wx_(client|devtools)/

export async function main(event: unknown): Promise<unknown> {
  if (FROM_CLIENT.test(caller().source ?? '')) return { code: 'AUTH.FORBIDDEN', message: '没有权限进行该操作' }
  if (!isMediaCheckEvent(event)) return { code: 0, data: { handled: false } }
  try {
    const checkin = await applyMediaCheck(event)
    const outcome = checkin.matched ? checkin : await applyAvatarCheck(event)
    return { code: 0, data: { handled: true, ...outcome } }
  } catch (err) {
    console.error('[message] wxa_media_check', err)
    return { code: 'SYS.INTERNAL', message: '系统繁忙，请稍后再试' }
  }
}
