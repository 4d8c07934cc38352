import { renderBuiltPage } from '../../support/simulate-built-page'
import { textOf, waitUntil } from '../../support/simulate'

describe('built home page (dist/weapp)', () => {
  it('should render the community title', async () => {
    const page = renderBuiltPage('pages/home/index')

    await waitUntil(() => textOf(page).includes('学习社群'), 'the title renders')
  })

  it('should render the mall entry as a vant cell', async () => {
    const page = renderBuiltPage('pages/home/index')

    await waitUntil(() => !!page.querySelector('#entry-mall'), 'the entry cell renders')
    const entry = page.querySelector('#entry-mall')
    expect(entry?.querySelector('.van-cell')).toBeTruthy()
    expect(textOf(entry)).toContain('积分商城')
  })

  it('should navigate to the mall when the entry is tapped', async () => {
    const navigateTo = jest.fn((options: { success?: (res: object) => void }) => options.success?.({ errMsg: 'navigateTo:ok' }))
    const page = renderBuiltPage('pages/home/index', { navigateTo })
    await waitUntil(() => !!page.querySelector('#entry-mall'), 'the entry cell renders')

    page.querySelector('#entry-mall')?.querySelector('.van-cell')?.dispatchEvent('tap')

    await waitUntil(() => navigateTo.mock.calls.length > 0, 'wx.navigateTo is called')
    expect(navigateTo.mock.calls[0][0]).toMatchObject({ url: '/features/mall/pages/index/index' })
  })
})
