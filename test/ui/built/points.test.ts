import { renderBuiltPage } from '../../support/simulate-built-page'
import { textOf, waitUntil, type SimComponent } from '../../support/simulate'

type CallFunction = (options: { name: string; data: Record<string, unknown> }) => Promise<{ result: unknown }>

const answers: Record<string, unknown> = {
  balance: { code: 0, data: { balance: 320, earned: 400, spent: 80, expiring: null } },
  history: {
    code: 0,
    data: {
      items: [
        {
          id: 'checkin:p:2026-11-23:o1',
          seq: 1,
          amount: 10,
          reason: 'checkin',
          reasonLabel: '打卡奖励',
          at: 1_795_400_000_000,
          balanceAfter: 10,
        },
      ],
      nextBefore: null,
    },
  },
}

/** wx.cloud as the weapp transport uses it (Taro.cloud is wx.cloud); callFunction is the platform edge. */
function stubWx(callFunction: jest.Mock<ReturnType<CallFunction>, Parameters<CallFunction>>, navigateTo = jest.fn()) {
  return { cloud: { init: jest.fn(), callFunction }, navigateTo }
}

const reply = () =>
  jest.fn<ReturnType<CallFunction>, Parameters<CallFunction>>(async ({ data }) => ({ result: answers[String(data.action)] }))
const text = (page: SimComponent, selector: string) => textOf(page.querySelector(selector))

describe('built points page (dist/weapp)', () => {
  it('should call the points function through wx.cloud with the balance and history actions', async () => {
    const callFunction = reply()
    renderBuiltPage('features/points/pages/index/index', stubWx(callFunction))

    await waitUntil(() => callFunction.mock.calls.length >= 2, 'wx.cloud.callFunction is called')

    expect(callFunction.mock.calls.map((c) => [c[0].name, c[0].data.action]).sort()).toEqual([
      ['points', 'balance'],
      ['points', 'history'],
    ])
  })

  it('should render the balance and a history row from the answers', async () => {
    const page = renderBuiltPage('features/points/pages/index/index', stubWx(reply()))

    await waitUntil(() => text(page, '#points-balance').includes('320'), 'the balance renders')
    await waitUntil(() => textOf(page).includes('打卡奖励'), 'the history renders')
  })

  it('should open the mall when the vant button is tapped', async () => {
    const navigateTo = jest.fn((options: { success?: (res: object) => void }) => options.success?.({ errMsg: 'navigateTo:ok' }))
    const page = renderBuiltPage('features/points/pages/index/index', stubWx(reply(), navigateTo))
    await waitUntil(() => !!page.querySelector('#go-mall')?.querySelector('.van-button'), 'the van-button renders')

    page.querySelector('#go-mall')?.querySelector('.van-button')?.dispatchEvent('tap')

    await waitUntil(() => navigateTo.mock.calls.length > 0, 'wx.navigateTo is called')
    expect(navigateTo.mock.calls[0][0]).toMatchObject({ url: '/features/mall/pages/index/index' })
  })
})
