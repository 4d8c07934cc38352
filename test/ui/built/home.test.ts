import { renderBuiltPage } from '../../support/simulate-built-page'
import { textOf, waitUntil } from '../../support/simulate'

describe('built home page (dist/weapp)', () => {
  it('should render the member header and the entry grid', async () => {
    const page = renderBuiltPage('pages/home/index')

    await waitUntil(() => textOf(page).includes('未读点评'), 'the header renders')
    await waitUntil(() => !!page.querySelector('#entry-mall'), 'the entry grid renders')
    expect(textOf(page.querySelector('#entry-mall'))).toContain('积分商城')
  })

  it('should navigate to the mall when the entry is tapped', async () => {
    const navigateTo = jest.fn((options: { success?: (res: object) => void }) => options.success?.({ errMsg: 'navigateTo:ok' }))
    const page = renderBuiltPage('pages/home/index', { navigateTo })
    await waitUntil(() => !!page.querySelector('#entry-mall'), 'the entry grid renders')

    page.querySelector('#entry-mall')?.dispatchEvent('tap')

    await waitUntil(() => navigateTo.mock.calls.length > 0, 'wx.navigateTo is called')
    expect(navigateTo.mock.calls[0][0]).toMatchObject({ url: '/features/mall/pages/index/index' })
  })
})
