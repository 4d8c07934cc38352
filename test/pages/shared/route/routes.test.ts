import Taro from '@tarojs/taro'
import { goTo, navigateTo, pagePath, pageUrl, redirectTo, switchTab } from '@/shared/route'
import { ROUTE_NAMES } from '@/shared/route/route-names'

type AppConfig = { pages: string[]; subPackages: { root: string; pages: string[] }[] }

/** Every page app.config declares, for the H5 build (the only one with the dev subpackage) and the weapp one. */
function appPages(env: 'h5' | 'weapp'): string[] {
  const before = process.env.TARO_ENV
  process.env.TARO_ENV = env
  ;(globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c
  try {
    let config: AppConfig | undefined
    jest.isolateModules(() => {
      config = (require('@/app.config') as { default: AppConfig }).default
    })
    const c = config as AppConfig
    return [...c.pages, ...c.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
  } finally {
    process.env.TARO_ENV = before
  }
}

describe('route table', () => {
  it('should name every page of app.config exactly once, and no other', () => {
    const table = ROUTE_NAMES.map((r) => pagePath(r).slice(1))
    expect([...table].sort()).toEqual([...appPages('h5')].sort())
    expect(new Set(table).size).toBe(table.length)
  })

  it('should leave only the dev pages out of the weapp build', () => {
    const weapp = appPages('weapp')
    expect(ROUTE_NAMES.filter((r) => !weapp.includes(pagePath(r).slice(1)))).toEqual(['dev/personas', 'dev/panel'])
  })

  it('should build a url with its query encoded, in order, without absent values', () => {
    expect(pageUrl('home')).toBe('/pages/home/index')
    expect(pageUrl('camp/index')).toBe('/features/camp/pages/index/index')
    expect(pageUrl('camp/today', { periodId: 'p 1', redoDay: undefined })).toBe('/features/camp/pages/today/index?periodId=p%201')
    expect(pageUrl('review/comment', { periodId: 'p1', day: '2026-11-20' })).toBe(
      '/features/review/pages/comment/index?periodId=p1&day=2026-11-20',
    )
    expect(pageUrl('mall-admin/item-form')).toBe('/features/mall-admin/pages/item-form/index')
    expect(pageUrl('mall-admin/item-form', { itemId: 'a&b' })).toBe('/features/mall-admin/pages/item-form/index?itemId=a%26b')
  })

  it('should navigate with the built url', () => {
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const tab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' } as never)
    void navigateTo('classes/detail', { classId: 'k1' })
    goTo('camp/feed', { periodId: 'p1' })()
    void redirectTo('mall/orders')
    void switchTab('me')
    expect(nav.mock.calls.map(([o]) => o.url)).toEqual([
      '/features/classes/pages/detail/index?classId=k1',
      '/features/camp/pages/feed/index?periodId=p1',
    ])
    expect(redirect).toHaveBeenCalledWith({ url: '/features/mall/pages/orders/index' })
    expect(tab).toHaveBeenCalledWith({ url: '/pages/me/index' })
    jest.restoreAllMocks()
  })
})
