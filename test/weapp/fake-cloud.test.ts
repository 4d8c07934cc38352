/**
 * The weapp layer's `wx.cloud` parses each request with the called function's own schema (contracts/requests.ts), as
 * the page tests' fake transport does: a request the function would refuse never reaches it and is recorded, so the
 * fixture fails the test even when the page swallows the failure.
 */
import { fakeCloud } from '../support/weapp/cloud'
import { WeChatDevice } from '../support/weapp/device'
import { weappFixture } from '../support/weapp/phone'

const fx = weappFixture()
jest.setTimeout(60_000)

function cloudOf(openid: string) {
  const device = new WeChatDevice(fx.emu, openid)
  const cloud = fakeCloud(device)
  cloud.init()
  const call = (data: Record<string, unknown>) => cloud.callFunction({ name: 'points', data }) as Promise<{ result: unknown }>
  return { device, call }
}

it('should refuse a request its function would refuse, before the function runs', async () => {
  const { device, call } = cloudOf('dev-member-06')
  await expect(call({ action: 'balance', memberId: 'someone-else' })).rejects.toMatchObject({
    errMsg: expect.stringContaining('invalid request'),
  })
  expect(device.calls).toEqual([])
  expect(device.invalidRequests.map((e) => e.message)).toEqual([expect.stringContaining('points.balance')])
})

it('should pass a valid request on to the function', async () => {
  const { device, call } = cloudOf('dev-member-06')
  expect(await call({ action: 'balance' })).toMatchObject({ result: { code: 0 } })
  expect(device.calls).toEqual([{ name: 'points', action: 'balance', code: 0 }])
  expect(device.invalidRequests).toEqual([])
})
