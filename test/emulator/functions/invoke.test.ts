import { FUNCTION_NOT_FOUND } from '../../../emulator/functions'
import { startHarness, type Harness } from './harness'

interface WhoAmI {
  wxContext: Record<string, unknown>
  event: Record<string, unknown>
  functionName: string
  threadId: number
}

describe('FunctionRuntime.invoke', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ envId: 'test-env' })
  })
  afterAll(() => h.close())

  it('should return the result of the function main', async () => {
    const out = await h.runtime.invoke('whoami', { hello: 'world' }, { openid: 'o-1', appid: 'wx-app' })
    expect(out.error).toBeUndefined()
    expect((out.result as WhoAmI).event.hello).toBe('world')
    expect((out.result as WhoAmI).functionName).toBe('whoami')
  })

  it('should let getWXContext see the invoker', async () => {
    const out = await h.runtime.invoke('whoami', {}, { openid: 'o-2', appid: 'wx-app', unionid: 'u-2', source: 'wx_client' })
    expect((out.result as WhoAmI).wxContext).toEqual({
      OPENID: 'o-2',
      APPID: 'wx-app',
      UNIONID: 'u-2',
      ENV: 'test-env',
      SOURCE: 'wx_client',
    })
  })

  it('should not keep the previous invocation context when the next one has no user', async () => {
    await h.runtime.invoke('whoami', {}, { openid: 'o-3', appid: 'wx-app', source: 'wx_client' })
    const out = await h.runtime.invoke('whoami', {}, {})
    expect((out.result as WhoAmI).wxContext).toEqual({ ENV: 'test-env' })
  })

  it('should inject userInfo into the event as WeChat does', async () => {
    const out = await h.runtime.invoke('whoami', { a: 1 }, { openid: 'o-4', appid: 'wx-app' })
    expect((out.result as WhoAmI).event.userInfo).toEqual({ appId: 'wx-app', openId: 'o-4' })
  })

  it('should reuse a warm worker for sequential invocations', async () => {
    const first = await h.runtime.invoke('whoami', {}, {})
    const second = await h.runtime.invoke('whoami', {}, {})
    expect((second.result as WhoAmI).threadId).toBe((first.result as WhoAmI).threadId)
  })

  it('should answer an unknown function with a not-found error', async () => {
    const out = await h.runtime.invoke('nope', {}, {})
    expect(out.error?.errCode).toBe(FUNCTION_NOT_FOUND)
  })

  it('should refuse function names that leave the functions directory', async () => {
    const out = await h.runtime.invoke('../functions/whoami', {}, {})
    expect(out.error?.errCode).toBe(FUNCTION_NOT_FOUND)
  })

  it('should pass the event through the resolveEvent hook with the invoker', async () => {
    const hooked = await startHarness({
      resolveEvent: async (event, caller) => ({ ...(event as object), resolvedFor: caller.openid }),
    })
    try {
      const out = await hooked.runtime.invoke('whoami', { x: 1 }, { openid: 'o-5' })
      expect((out.result as WhoAmI).event.resolvedFor).toBe('o-5')
    } finally {
      await hooked.close()
    }
  })

  it('should list functions with their timeout, open API permissions and triggers', () => {
    const byName = Object.fromEntries(h.runtime.list().map((f) => [f.name, f]))
    expect(byName.sleeper.timeoutSec).toBe(1)
    expect(byName.openapiCaller.openapi).toEqual(['wxacode.getUnlimited'])
    expect(byName.timerTick.triggers).toEqual([{ name: 'morning', config: '0 0 8 * * * *' }])
  })
})
