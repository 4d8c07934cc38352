import { startHarness, type Harness } from './harness'

interface Probe {
  before: string
  after: string
  threadId: number
}

describe('FunctionRuntime concurrency', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ maxWorkersPerFunction: 4 })
  })
  afterAll(() => h.close())

  it('should keep each invocation on its own OPENID while many run at once', async () => {
    const openids = Array.from({ length: 24 }, (_, i) => `o-user-${i}`)
    const outs = await Promise.all(
      openids.map((openid) => h.runtime.invoke('delayedOpenid', { delayMs: Math.floor(Math.random() * 40) }, { openid, appid: 'wx-app' })),
    )
    const results = outs.map((o) => o.result as Probe)
    expect(results.map((r) => r.before)).toEqual(openids)
    expect(results.map((r) => r.after)).toEqual(openids)
    const threads = new Set(results.map((r) => r.threadId))
    expect(threads.size).toBeGreaterThan(1)
    expect(threads.size).toBeLessThanOrEqual(4)
  })
})
