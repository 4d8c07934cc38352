import { renderVantHost, tap } from '../../support/simulate-vant'
import { textOf } from '../../support/simulate'

// The attributes our weapp Button passes, bound the way Taro's base.wxml binds them (see fixtures/vant-host/button).
describe('van-button as our weapp Button renders it', () => {
  it('should render the label in its slot', () => {
    const host = renderVantHost('button', { label: '再来一次', type: 'primary' })

    expect(textOf(host.querySelector('#button'))).toBe('再来一次')
  })

  it('should apply the type and block attributes', () => {
    const host = renderVantHost('button', { label: '提交', type: 'primary', block: true })

    expect(host.querySelector('#button')?.querySelector('.van-button--primary')).toBeTruthy()
    expect(host.querySelector('#button')?.querySelector('.van-button--block')).toBeTruthy()
  })

  it('should emit click when tapped', async () => {
    const host = renderVantHost('button', { label: '提交' })

    await tap(host, '#button', '.van-button')

    expect(host.data.clicks).toBe(1)
  })

  it('should not emit click when disabled', async () => {
    const host = renderVantHost('button', { label: '提交', disabled: true })

    await tap(host, '#button', '.van-button')

    expect(host.data.clicks).toBe(0)
  })

  it('should accept the camelCase loadingText attribute and show it while loading', () => {
    const host = renderVantHost('button', { label: '提交', loading: true, loadingText: '请求中' })

    expect(textOf(host.querySelector('#button'))).toBe('请求中')
  })

  it('should not emit click while loading', async () => {
    const host = renderVantHost('button', { label: '提交', loading: true, loadingText: '请求中' })

    await tap(host, '#button', '.van-button')

    expect(host.data.clicks).toBe(0)
  })
})
