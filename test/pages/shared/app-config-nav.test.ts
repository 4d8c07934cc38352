/** The H5 title bar (Taro router's own, shown for navigationStyle 'default') is switched on for the H5 build only. */
type AppConfig = { window: Record<string, unknown>; pages: string[] }

function configFor(env: 'h5' | 'weapp'): AppConfig {
  const before = process.env.TARO_ENV
  process.env.TARO_ENV = env
  ;(globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c
  try {
    let config: AppConfig | undefined
    jest.isolateModules(() => {
      config = (require('@/app.config') as { default: AppConfig }).default
    })
    return config as AppConfig
  } finally {
    process.env.TARO_ENV = before
  }
}

describe('app.config window', () => {
  it('should show a title bar with back on H5', () => {
    expect(configFor('h5').window.navigationStyle).toBe('default')
  })

  it('should leave the weapp window config as it was (no navigationStyle key)', () => {
    const weapp = configFor('weapp')
    expect('navigationStyle' in weapp.window).toBe(false)
    expect(weapp.window.navigationBarTitleText).toBe('学习社群')
  })
})
