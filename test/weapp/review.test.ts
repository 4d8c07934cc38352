/**
 * 李老师 in the production weapp build reviews a member's check-in with a typed comment, five stars and a voice
 * comment recorded in the app (uploaded to the emulator's storage under the teacher's folder); the member then opens
 * the notification landing page and plays the teacher's voice from cloud storage. After the submit the form moves on to
 * the next submission in the queue by itself.
 */
import { addDays, businessDay, businessDayStart } from '../../cloudfunctions/src/domain/business-day'
import { publicIdOf } from '../../cloudfunctions/src/domain/identity/public-id'
import { weappFixture } from '../support/weapp/phone'
import { sniff } from '../support/weapp/temp-files'
import { tap, textOf, typeInto, waitFor, waitForElement, waitForText } from '../support/weapp/ui'

const TEACHER = 'dev-teacher-01'
const MEMBER = 'dev-member-03'
const NEXT_MEMBER = 'dev-member-05'
const HOUR = 3_600_000
const fx = weappFixture()

jest.setTimeout(150_000)

it('should let a teacher review with a voice comment and the member hear it', async () => {
  const { emu } = fx
  const [{ _id: periodId }] = (await emu.db.find('periods', { lengthDays: 21 })) as { _id: string }[]
  const day = addDays(businessDay(emu.clock.now()), 1)
  emu.clock.set(businessDayStart(day) + 9 * HOUR)
  await emu.runtime.fireDueTriggers()
  const res = (await emu.call(
    'camp',
    { action: 'checkin', periodId, text: '今天练习了超市购物的对话。', images: [], voice: null },
    MEMBER,
  )) as {
    code: unknown
  }
  expect(res.code).toBe(0)
  const checkinId = `checkin:${periodId}:${day}:${MEMBER}`
  // A second submission of the same minute waits behind it (queue order: time, then id), for the auto-advance.
  const next = (await emu.call(
    'camp',
    { action: 'checkin', periodId, text: '今天读了一段绘本。', images: [], voice: null },
    NEXT_MEMBER,
  )) as {
    code: unknown
  }
  expect(next.code).toBe(0)

  const teacher = fx.phone(TEACHER)
  const queue = teacher.app.open('features/review/pages/index/index')
  await waitForElement(queue, `queue-${checkinId}`)
  tap(queue, `queue-${checkinId}`)
  const form = await teacher.app.waitForRoute('features/review/pages/review/index')
  await waitForText(form, '今天练习了超市购物的对话。', 'checkin-text')
  typeInto(form, 'review-comment-input', '句子很完整，发音清楚！')
  tap(form, 'score-5')
  teacher.device.recordingMs = 9000
  tap(form, 'voice-comment-record')
  await waitForText(form, '录音中')
  tap(form, 'voice-comment-record')
  await waitForText(form, '已上传')
  tap(form, 'review-submit')
  await waitFor(() => teacher.device.calls.some((c) => c.action === 'submitReview' || c.action === 'review'), 'the review is sent', 20_000)
  // The form moves on to the next submission by itself (and names it in the page's params).
  await waitForText(form, '今天读了一段绘本。', 'checkin-text')

  const reviews = (await emu.db.find('reviews', { checkinId })) as {
    comment: string
    voice: { fileId: string; durationSec: number } | null
  }[]
  expect(reviews).toHaveLength(1)
  expect(reviews[0].comment).toBe('句子很完整，发音清楚！')
  expect(reviews[0].voice).toMatchObject({ durationSec: 9 })
  // The member hears the sealed copy: no openid in its path.
  expect(reviews[0].voice!.fileId).toContain(`/sealed/${publicIdOf(TEACHER)}/`)
  expect(reviews[0].voice!.fileId).not.toContain(TEACHER)
  expect(sniff(await emu.storage.get(reviews[0].voice!.fileId))).toBe('mp3')

  // Leaving the form unmounts the recorder, which must not report a microphone problem for a recorder that is idle.
  teacher.app.closeAll()
  await new Promise((r) => setTimeout(r, 50))
  expect(teacher.device.toasts.map((t) => t.title)).not.toContain('无法录音，请在设置中允许使用麦克风')

  // The member opens the landing page of the review notification and plays the voice.
  const member = fx.phone(MEMBER)
  const landing = member.app.open(`features/review/pages/comment/index?periodId=${periodId}&day=${day}`)
  await waitForText(landing, '句子很完整，发音清楚！', 'review-comment')
  expect(textOf(landing, 'review-voice')).toContain('9″')
  tap(landing, 'review-voice')
  await waitFor(() => member.device.audio.some((a) => a.played), 'the voice plays')
  expect(member.device.audio.find((a) => a.played)?.src).toBe(reviews[0].voice!.fileId)
})
