/**
 * A member saves today's 日签 in the production weapp build (issue #18 item 3): after checking in, the card is drawn
 * on the page's `<canvas type="2d">` with the day, the task, the streak and the member's own line, and the image
 * saved to the album decodes to the member's own mini-program code (scene `i=CODE`), as the poster's does.
 */
import { weappFixture } from '../support/weapp/phone'
import { decodeQrPng } from '../support/qr'
import { tap, waitFor, waitForElement } from '../support/weapp/ui'

const MEMBER = 'dev-member-12'
const fx = weappFixture()

jest.setTimeout(120_000)

const decode = (bytes: Buffer): URLSearchParams => decodeQrPng(bytes).params

it('should draw the day card after a check-in and save an image that decodes to the member’s code', async () => {
  const { emu } = fx
  const [english] = (await emu.db.find('periods', { lengthDays: 21 })) as { _id: string }[]
  const text = '今天跟读了新课文\n第二行不会上卡片'
  const done = (await emu.call('camp', { action: 'checkin', periodId: english._id, text, images: [], voice: null }, MEMBER)) as {
    code: unknown
  }
  expect(done.code).toBe(0)

  const { device, app } = fx.phone(MEMBER)
  const page = app.open(`features/community/pages/day-card/index?periodId=${english._id}`)
  // 保存到相册 is enabled once the card is drawn and shown.
  await waitForElement(page, 'day-card-image')
  tap(page, 'save-day-card')
  await waitFor(() => device.toasts.length > 0, 'the outcome is shown')
  expect(device.album).toHaveLength(1)

  const [invite] = (await emu.db.find('invite_codes', { memberId: MEMBER })) as { _id: string; code?: string }[]
  expect(decode(device.album[0].bytes).get('scene')).toBe(`i=${invite?.code ?? invite?._id}`)
  const canvas = device.canvases[device.canvases.length - 1]
  const texts = canvas.calls.filter((c) => c.op === 'fillText').map((c) => String(c.args[0]))
  expect(texts.some((t) => t.includes('今天跟读了新课文'))).toBe(true)
  expect(texts.some((t) => t.includes('第二行'))).toBe(false)
  expect(texts.some((t) => /第 ?\d+ ?天/.test(t))).toBe(true)
  expect(texts.join(' ')).not.toContain(MEMBER)
})
