import { renderVantHost } from '../../support/simulate-vant'
import { textOf } from '../../support/simulate'

// The attributes our weapp Empty passes, bound the way Taro's base.wxml binds them (see fixtures/vant-host/empty).
describe('van-empty as our weapp Empty renders it', () => {
  it('should render the description', () => {
    const host = renderVantHost('empty', { description: '网络开小差了，请稍后重试' })

    expect(textOf(host.querySelector('#empty'))).toBe('网络开小差了，请稍后重试')
  })

  it('should render its children in the bottom slot', () => {
    const host = renderVantHost('empty', { description: '暂无记录', action: '重试' })

    expect(textOf(host.querySelector('#empty')?.querySelector('.van-empty__bottom'))).toBe('重试')
  })

  it('should show vant’s illustration of the kind our Empty passes (error for a failed load)', () => {
    const host = renderVantHost('empty', { description: '加载失败', image: 'error' })

    // van-empty draws its <image> only when `image` is bound (wx:if), i.e. when our Empty passes the kind through.
    expect(host.querySelector('#empty')?.querySelector('.van-empty__image__img')).toBeTruthy()
  })
})
