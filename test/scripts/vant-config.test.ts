import { VANT_COMPONENTS, vantClosure, vantUsingComponents } from '../../config/vant'

function appConfig(): { usingComponents: Record<string, string>; subPackages: { root: string }[] } {
  ;(globalThis as Record<string, unknown>).defineAppConfig = (c: unknown) => c
  return require('../../src/app.config').default
}

describe('vant wiring', () => {
  it('should declare in app.config exactly the vant components config/vant.ts copies', () => {
    expect(appConfig().usingComponents).toEqual(vantUsingComponents())
  })

  it('should include the components a copied component depends on', () => {
    expect(vantClosure(['button'])).toEqual(['button', 'icon', 'info', 'loading'])
    expect(vantClosure(VANT_COMPONENTS)).toEqual(expect.arrayContaining([...VANT_COMPONENTS, 'icon']))
  })

  it('should keep the local-only dev subpackage out of the weapp app config', () => {
    expect(process.env.TARO_ENV).not.toBe('h5')
    expect(appConfig().subPackages.map((s) => s.root)).not.toContain('features/dev')
  })
})
