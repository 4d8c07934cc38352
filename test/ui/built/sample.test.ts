import { renderBuiltPage } from '../../support/simulate-built-page'
import { textOf, waitUntil, type SimComponent } from '../../support/simulate'

type CallFunction = (options: { name: string; data: Record<string, unknown> }) => Promise<{ result: unknown }>

const hello = { result: { code: 0, data: { openid: 'o1', businessDay: '2026-11-23', visits: 3 } } }

/** wx.cloud as the weapp transport uses it (Taro.cloud is wx.cloud); callFunction is the platform edge. */
function stubCloud(callFunction: jest.Mock<ReturnType<CallFunction>, Parameters<CallFunction>>) {
  return { cloud: { init: jest.fn(), callFunction } }
}

const text = (page: SimComponent, selector: string) => textOf(page.querySelector(selector))

describe('built sample page (dist/weapp)', () => {
  it('should call the sample function with the hello action', async () => {
    const callFunction = jest.fn<ReturnType<CallFunction>, Parameters<CallFunction>>().mockResolvedValue(hello)
    renderBuiltPage('features/sample/pages/index/index', stubCloud(callFunction))

    await waitUntil(() => callFunction.mock.calls.length > 0, 'wx.cloud.callFunction is called')

    expect(callFunction.mock.calls[0][0]).toMatchObject({ name: 'sample', data: { action: 'hello' } })
  })

  it('should render identity, business day and visits from the answer', async () => {
    const callFunction = jest.fn<ReturnType<CallFunction>, Parameters<CallFunction>>().mockResolvedValue(hello)
    const page = renderBuiltPage('features/sample/pages/index/index', stubCloud(callFunction))

    await waitUntil(() => text(page, '#sample-openid') !== '', 'the answer renders')

    expect(text(page, '#sample-openid')).toBe('身份：o1')
    expect(text(page, '#sample-day')).toBe('业务日：2026-11-23')
    expect(text(page, '#sample-visits')).toBe('第 3 次访问')
  })

  it('should show the camelCase loadingText on the van-button while the call runs', async () => {
    const callFunction = jest.fn<ReturnType<CallFunction>, Parameters<CallFunction>>(() => new Promise(() => undefined))
    const page = renderBuiltPage('features/sample/pages/index/index', stubCloud(callFunction))

    await waitUntil(() => !!page.querySelector('#again')?.querySelector('.van-button'), 'the van-button renders')

    expect(text(page, '#again')).toBe('请求中')
  })

  it('should call the function again when the 再来一次 van-button is tapped', async () => {
    const callFunction = jest.fn<ReturnType<CallFunction>, Parameters<CallFunction>>().mockResolvedValue(hello)
    const page = renderBuiltPage('features/sample/pages/index/index', stubCloud(callFunction))
    await waitUntil(() => text(page, '#again') === '再来一次', 'the button is ready')

    page.querySelector('#again')?.querySelector('.van-button')?.dispatchEvent('tap')

    await waitUntil(() => callFunction.mock.calls.length === 2, 'wx.cloud.callFunction is called again')
  })
})
