/**
 * A member in the production weapp build: joins the drawing camp from its detail page, and the next day checks in
 * to the English camp with text, a photo from the album and a voice clip recorded in the app; the files land in
 * the emulator's storage and the check-in carries them; then subscribes to the reminder (one credit).
 */
import { addDays, businessDay, businessDayStart } from '../../cloudfunctions/src/domain/business-day'
import { weappFixture } from '../support/weapp/phone'
import { sniff } from '../support/weapp/temp-files'
import { tap, textOf, typeInto, waitFor, waitForElement, waitForText } from '../support/weapp/ui'

const MEMBER = 'dev-member-02'
const HOUR = 3_600_000
const fx = weappFixture()

jest.setTimeout(120_000)

it('should let a member join a camp, then check in with text, a photo and a recorded voice', async () => {
  const { emu } = fx
  const [drawing] = (await emu.db.find('periods', { lengthDays: 7 })) as { _id: string; campId: string }[]
  const [english] = (await emu.db.find('periods', { lengthDays: 21 })) as { _id: string }[]

  const { device, app } = fx.phone(MEMBER)
  const detail = app.open(`features/camp/pages/detail/index?campId=${drawing.campId}`)
  await waitForElement(detail, `join-${drawing._id}`)
  tap(detail, `join-${drawing._id}`)
  await app.waitForRoute('features/camp/pages/today/index')
  expect(await emu.db.count('enrollments', { periodId: drawing._id, memberId: MEMBER })).toBe(1)

  // Tomorrow 10:00 Shanghai: nothing checked in yet that day.
  const day = addDays(businessDay(emu.clock.now()), 1)
  emu.clock.set(businessDayStart(day) + 10 * HOUR)
  // The day's timer triggers run first (as they would overnight), then the member opens the page.
  await emu.runtime.fireDueTriggers()
  const today = app.open(`features/camp/pages/today/index?periodId=${english._id}`)
  await waitForElement(today, 'checkin-text')
  typeInto(today, 'checkin-text', 'Today I talked about my favourite sport.')
  tap(today, 'photo-add')
  await waitFor(() => /photo-grid__cell--done/.test(today.component.dom?.innerHTML ?? ''), 'the photo is uploaded')
  device.recordingMs = 6400
  tap(today, 'voice-record')
  await waitForText(today, '录音中')
  tap(today, 'voice-record')
  await waitForElement(today, 'voice-draft')
  await waitFor(() => !textOf(today).includes('上传中'), 'the voice clip is uploaded')
  tap(today, 'checkin-submit')
  await waitForElement(today, 'checkin-result').catch((err) => {
    throw new Error(`${err.message}; toasts: ${JSON.stringify(device.toasts)} calls: ${JSON.stringify(device.calls.slice(-3))}`)
  })
  const [checkin] = (await emu.db.find('checkins', { _id: `checkin:${english._id}:${day}:${MEMBER}` })) as {
    points: number
    content: { text: string; images: string[]; voice: { fileId: string; durationSec: number } | null }
  }[]
  // 10 a day, plus the demo period's streak tier once the member's streak reaches 7 (local/seed/camps.ts).
  expect(checkin.points).toBeGreaterThanOrEqual(10)
  expect(textOf(today, 'result-points')).toContain(`+${checkin.points} 积分`)
  expect(checkin.content.text).toBe('Today I talked about my favourite sport.')
  expect(checkin.content.images).toHaveLength(1)
  expect(sniff(await emu.storage.get(checkin.content.images[0]))).toBe('png')
  expect(checkin.content.voice).toMatchObject({ durationSec: 6 })
  expect(sniff(await emu.storage.get(checkin.content.voice!.fileId))).toBe('mp3')

  // The reminder asks for one subscribe-message credit after the tap; WeChat's sheet is answered "accept".
  tap(today, 'subscribe-reminder')
  await waitFor(() => device.subscribeRequests.length === 1, 'requestSubscribeMessage is called')
  const [templateId] = device.subscribeRequests[0]
  await waitFor(() => (emu.openapi.credits(MEMBER)[templateId] ?? 0) >= 1, 'the emulator holds the credit')
})
