import { renderVantHost, tap } from '../../support/simulate-vant'
import { textOf } from '../../support/simulate'

// The attributes our weapp Cell passes, bound the way Taro's base.wxml binds them (see fixtures/vant-host/cell).
describe('van-cell as our weapp Cell renders it', () => {
  it('should render title, label and value', () => {
    const host = renderVantHost('cell', { title: '连通性检查', label: '调用云函数', value: '去看看' })

    const cell = host.querySelector('#cell')
    expect(textOf(cell?.querySelector('.van-cell__title'))).toContain('连通性检查')
    expect(textOf(cell?.querySelector('.van-cell__label'))).toBe('调用云函数')
    expect(textOf(cell?.querySelector('.van-cell__value'))).toBe('去看看')
  })

  it('should accept the camelCase isLink attribute and show the arrow', () => {
    const host = renderVantHost('cell', { title: '连通性检查', isLink: true })

    expect(host.querySelector('#cell')?.querySelector('.van-cell__right-icon-wrap')).toBeTruthy()
  })

  it('should show no arrow when it is not a link', () => {
    const host = renderVantHost('cell', { title: '连通性检查', isLink: false })

    expect(host.querySelector('#cell')?.querySelector('.van-cell__right-icon-wrap')).toBeFalsy()
  })

  it('should give tap feedback when clickable', () => {
    const host = renderVantHost('cell', { title: '连通性检查', clickable: true })

    expect(host.querySelector('#cell')?.querySelector('.van-cell--clickable')).toBeTruthy()
  })

  it('should emit click when tapped', async () => {
    const host = renderVantHost('cell', { title: '连通性检查', isLink: true, clickable: true })

    await tap(host, '#cell', '.van-cell')

    expect(host.data.clicks).toBe(1)
  })
})
