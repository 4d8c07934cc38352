import { pagePath } from '@/shared/route/routes'
import { inviterOf, INVITER_PARAM, sharePath, shareQuery, SHARE_ROUTES } from '@/shared/share/share-path'

function appPages(): string[] {
  ;(globalThis as Record<string, unknown>).defineAppConfig = (c: unknown) => c
  const config = require('@/app.config').default as { pages: string[]; subPackages: { root: string; pages: string[] }[] }
  return [...config.pages, ...config.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
}

describe('sharePath', () => {
  it('should build each shareable page with its ids and the sharer code', () => {
    expect(sharePath({ page: 'camp', campId: 'c1', periodId: 'p1' }, 'ab23cd')).toBe(
      '/features/camp/pages/detail/index?campId=c1&periodId=p1&inviter=AB23CD',
    )
    expect(sharePath({ page: 'camp', campId: 'c1' }, 'AB23CD')).toBe('/features/camp/pages/detail/index?campId=c1&inviter=AB23CD')
    expect(sharePath({ page: 'material', materialId: 'm 1' }, 'AB23CD')).toBe(
      '/features/materials/pages/detail/index?materialId=m%201&inviter=AB23CD',
    )
    expect(sharePath({ page: 'class', classId: 'k1' }, 'AB23CD')).toBe('/features/classes/pages/detail/index?classId=k1&inviter=AB23CD')
    expect(sharePath({ page: 'home' }, 'AB23CD')).toBe('/pages/home/index?inviter=AB23CD')
  })

  it.each([null, '', 'a=b', '<script>', 'TOO-LONG-CODE-0000'])('should leave out an unknown or malformed code %j', (code) => {
    expect(sharePath({ page: 'class', classId: 'k1' }, code)).toBe('/features/classes/pages/detail/index?classId=k1')
    expect(sharePath({ page: 'home' }, code)).toBe('/pages/home/index')
  })

  it('should give Moments only the query (they reopen the same page)', () => {
    expect(shareQuery({ page: 'material', materialId: 'm1' }, 'AB23CD')).toBe('materialId=m1&inviter=AB23CD')
  })

  it('should only name pages the app config declares', () => {
    const pages = appPages()
    for (const route of Object.values(SHARE_ROUTES)) expect(pages).toContain(pagePath(route).slice(1))
  })
})

describe('inviterOf', () => {
  it('should read the code a shared path carries, encoded or not', () => {
    expect(inviterOf({ [INVITER_PARAM]: 'ab23cd' })).toBe('AB23CD')
    expect(inviterOf({ inviter: '%41B23CD' })).toBe('AB23CD')
  })

  it.each([{}, { inviter: 'x' }, { inviter: '%E0%A4%A' }, { inviter: 7 }, null])('should find none in %j', (query) => {
    expect(inviterOf(query as Record<string, unknown> | null)).toBeNull()
  })

  it('should read back every path it builds', () => {
    const query = Object.fromEntries(new URLSearchParams(shareQuery({ page: 'camp', campId: 'c1', periodId: 'p1' }, 'XMAMA2')))
    expect(inviterOf(query)).toBe('XMAMA2')
    expect(query).toMatchObject({ campId: 'c1', periodId: 'p1' })
  })
})
