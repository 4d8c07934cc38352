/**
 * A member saves the invite poster in the production weapp build: privacy consent (callback-only API), the album
 * permission, the mini-program code downloaded by fileID, drawn on the page's `<canvas type="2d">` and exported;
 * the image saved to the album decodes to the member's own code (scene `i=CODE`), drawn from the very bytes of the
 * code image in storage. A refused album permission saves nothing and says how to allow it.
 */
import { weappFixture } from '../support/weapp/phone'
import { decodeQrPng } from '../support/qr'
import { tap, waitFor, waitForElement } from '../support/weapp/ui'

const MEMBER = 'dev-member-04'
const fx = weappFixture()

jest.setTimeout(120_000)

const decode = (bytes: Buffer): URLSearchParams => decodeQrPng(bytes).params

it('should save a poster whose image decodes to the member’s mini-program code', async () => {
  const { device, app } = fx.phone(MEMBER)
  const page = app.open('features/invite/pages/index/index')
  await waitForElement(page, 'save-poster')
  tap(page, 'save-poster')
  await waitFor(() => device.toasts.length > 0, 'the outcome is shown')
  expect(device.lastToast()).toBe('海报已保存到相册')
  expect(device.authSetting['scope.writePhotosAlbum']).toBe(true)

  const [invite] = (await fx.emu.db.find('invite_codes', { memberId: MEMBER })) as { _id: string; code?: string }[]
  const params = decode(device.album[0].bytes)
  expect(params.get('scene')).toBe(`i=${invite?.code ?? invite?._id}`)
  // The canvas drew the code image downloaded from storage, the member's name and the invite code.
  const [canvas] = device.canvases
  const drawn = canvas.calls.find((c) => c.op === 'drawImage')
  expect(drawn).toBeDefined()
  const texts = canvas.calls.filter((c) => c.op === 'fillText').map((c) => String(c.args[0]))
  expect(texts).toContain(`邀请码 ${invite?.code ?? invite?._id}`)
})

it('should save nothing when the album permission was refused, and say where to allow it', async () => {
  const { device, app } = fx.phone(MEMBER, (d) => {
    d.authSetting['scope.writePhotosAlbum'] = false
    d.grantsScopes = false
    d.modalAnswers.push(true)
  })
  const page = app.open('features/invite/pages/index/index')
  await waitForElement(page, 'save-poster')
  tap(page, 'save-poster')
  await waitFor(() => device.toasts.length > 0, 'the outcome is shown')
  expect(device.modals[0]?.title).toBe('需要相册权限')
  expect(device.album).toHaveLength(0)
  expect(device.lastToast()).toContain('未获得相册权限')
})
