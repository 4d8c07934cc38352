/**
 * 李老师 in the production weapp build annotates a member's photo check-in: 批注 on the photo opens the annotator,
 * which downloads the photo by fileID and draws it on a `<canvas type="2d">`; a blue thick stroke drawn with canvas
 * touches (one stroke undone first), 完成 exports the canvas and uploads the PNG under the teacher's review folder,
 * and the review form shows it as a thumbnail. The stored PNG has the pen's colour where the finger went and the
 * photo elsewhere; the undone stroke left nothing.
 */
import { PNG } from 'pngjs'
import { addDays, businessDay, businessDayStart } from '../../cloudfunctions/src/domain/business-day'
import { checkinUploadPath } from '../../cloudfunctions/src/domain/camp/content'
import { PEN_COLORS } from '../../src/shared/ui/tokens'
import { weappFixture } from '../support/weapp/phone'
import { element, tap, textOf, touch, waitFor, waitForElement } from '../support/weapp/ui'

const TEACHER = 'dev-teacher-01'
const MEMBER = 'dev-member-03'
const HOUR = 3_600_000
const fx = weappFixture()

jest.setTimeout(150_000)

/** A flat grey 400 × 200 photo. */
function photoPng(): Buffer {
  const png = new PNG({ width: 400, height: 200 })
  for (let i = 0; i < png.data.length; i += 4) png.data.set([160, 160, 160, 255], i)
  return PNG.sync.write(png)
}

const rgb = (png: PNG, x: number, y: number) => Array.from(png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3))
const hex = (colour: string) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16))

it('should let a teacher draw on a submitted photo and keep the annotated image', async () => {
  const { emu } = fx
  const [{ _id: periodId }] = (await emu.db.find('periods', { lengthDays: 21 })) as { _id: string }[]
  const day = addDays(businessDay(emu.clock.now()), 1)
  emu.clock.set(businessDayStart(day) + 9 * HOUR)
  await emu.runtime.fireDueTriggers()
  const photo = await emu.storage.put(checkinUploadPath(MEMBER, periodId, 'homework.png'), photoPng())
  const res = (await emu.call('camp', { action: 'checkin', periodId, text: '今天的书法作业。', images: [photo], voice: null }, MEMBER)) as {
    code: unknown
  }
  expect(res.code).toBe(0)
  const checkinId = `checkin:${periodId}:${day}:${MEMBER}`

  const teacher = fx.phone(TEACHER)
  const queue = teacher.app.open('features/review/pages/index/index')
  await waitForElement(queue, `queue-${checkinId}`)
  tap(queue, `queue-${checkinId}`)
  const form = await teacher.app.waitForRoute('features/review/pages/review/index')
  await waitForElement(form, 'annotate-photo-0')
  tap(form, 'annotate-photo-0')
  await waitForElement(form, 'annotate-canvas')
  await waitFor(() => !textOf(form).includes('图片加载中'), 'the photo is drawn')
  expect(textOf(form)).not.toContain('图片加载失败')

  // The canvas is shown 343 × 172 (the window less margins, the photo's aspect); its bitmap is the photo's 400 × 200.
  const stroke = (y: number) => {
    touch(form, 'annotate-canvas', 'touchstart', { x: 40, y })
    for (let x = 60; x <= 300; x += 20) touch(form, 'annotate-canvas', 'touchmove', { x, y })
    touch(form, 'annotate-canvas', 'touchend', { x: 300, y })
  }
  stroke(43) // a red line a quarter down, undone below
  await waitFor(() => lastStrokeColour(teacher.device.canvases) === PEN_COLORS.red, 'the red stroke is painted')
  tap(form, 'annotate-undo')
  tap(form, 'pen-blue')
  tap(form, 'pen-width')
  await waitFor(() => textOf(form).includes('粗笔'), 'the thick pen is picked')
  stroke(86) // a thick blue line across the middle
  await waitFor(() => lastStrokeColour(teacher.device.canvases) === PEN_COLORS.blue, 'the blue stroke is painted')
  tap(form, 'annotate-done')
  await waitForElement(form, 'annotated-image-0', 20_000).catch((err) => {
    throw new Error(`${err.message}; toasts: ${JSON.stringify(teacher.device.toasts)} uploads: ${JSON.stringify(teacher.device.uploads)}`)
  })

  const upload = teacher.device.uploads.find((u) => u.cloudPath.startsWith(`reviews/${TEACHER}/${periodId}/`))
  expect(upload?.cloudPath).toMatch(/\.png$/)
  const png = PNG.sync.read((await emu.storage.get(upload!.fileID)) as Buffer)
  expect([png.width, png.height]).toEqual([400, 200])
  // Middle of the blue line (y 86 of 172 → 100 of 200), and the photo above and below it.
  expect(rgb(png, 200, 100)).toEqual(hex(PEN_COLORS.blue))
  expect(rgb(png, 120, 101)).toEqual(hex(PEN_COLORS.blue))
  expect(rgb(png, 200, 150)).toEqual([160, 160, 160])
  // The undone red line a quarter down left no trace.
  expect(rgb(png, 200, 50)).toEqual([160, 160, 160])
  expect(element(form, 'annotator')).toBeNull()
})

function lastStrokeColour(canvases: { id: string; calls: { op: string; strokeStyle: string }[] }[]): string | undefined {
  const canvas = canvases.find((c) => c.id === 'annotate-canvas')
  return canvas?.calls.filter((c) => c.op === 'stroke').pop()?.strokeStyle
}
