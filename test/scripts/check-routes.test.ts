import * as path from 'path'
import { checkRoutes, pathLiteralsIn } from '../../scripts/check-routes'

describe('route rule', () => {
  it('should flag page path literals, quoted or in a template', () => {
    expect(pathLiteralsIn('src/features/a/index.tsx', "Taro.navigateTo({ url: '/features/mall/pages/index/index' })")).toHaveLength(1)
    expect(pathLiteralsIn('src/features/a/index.tsx', 'const u = `/features/camp/pages/${p}/index`')).toHaveLength(1)
    expect(pathLiteralsIn('src/pages/a.ts', 'const u = "/pages/home/index"')).toHaveLength(1)
  })

  it('should allow the route table, app.config, comments and other paths', () => {
    expect(pathLiteralsIn('src/shared/route/routes.ts', 'return `/features/${root}/pages/${page}/index`')).toEqual([])
    expect(pathLiteralsIn('src/app.config.ts', "pages: ['pages/home/index']")).toEqual([])
    expect(pathLiteralsIn('src/a.ts', ' * `/features/camp/pages/detail/index?campId=c1`')).toEqual([])
    expect(pathLiteralsIn('src/a.ts', "navigateTo('camp/today', { periodId })")).toEqual([])
    expect(pathLiteralsIn('src/a.ts', "'van-button': '/vant/button/index'")).toEqual([])
  })

  it('should find none in src', () => {
    expect(checkRoutes(path.join(__dirname, '..', '..'))).toEqual([])
  })
})
