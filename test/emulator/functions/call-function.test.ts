import type { CallerInfo } from '../../../emulator/functions'
import { startHarness, type Harness } from './harness'

interface CallerResult {
  result?: { wxContext: Record<string, unknown>; event: Record<string, unknown> }
  wxContext?: Record<string, unknown>
  errCode?: number
  code?: string
  errMsg?: string
}

describe('callFunction between functions', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ envId: 'test-env' })
  })
  afterAll(() => h.close())

  it('should return the callee result through the real SDK', async () => {
    const out = await h.runtime.invoke(
      'caller',
      { target: 'whoami', data: { n: 7 } },
      { openid: 'o-a', appid: 'wx-app', source: 'wx_client' },
    )
    const res = out.result as CallerResult
    expect(res.errMsg).toBeUndefined()
    expect(res.result?.event.n).toBe(7)
  })

  it('should give the callee the caller OPENID and a chained SOURCE', async () => {
    const out = await h.runtime.invoke('caller', { target: 'whoami', data: {} }, { openid: 'o-b', appid: 'wx-app', source: 'wx_client' })
    const res = out.result as CallerResult
    expect(res.result?.wxContext).toMatchObject({ OPENID: 'o-b', APPID: 'wx-app', SOURCE: 'wx_client,scf', ENV: 'test-env' })
  })

  // wx-server-sdk 4.0.2 never turns off node-sdk's throwOnCode, so any error answer reaches function code as errCode -1.
  it('should surface a callee failure to the caller as an SDK error carrying the callee message', async () => {
    const out = await h.runtime.invoke('caller', { target: 'thrower', data: { mode: 'throw' } }, { openid: 'o-c' })
    const res = out.result as CallerResult
    expect(res.errCode).toBe(-1)
    expect(res.errMsg).toMatch(/^callFunction:fail Error: boom/)
  })

  // CloudBase answers an unknown name with code FUNCTION_NOT_FOUND (docs.cloudbase.net/error-code/FUNCTION_NOT_FOUND,
  // TencentCloudBase/cloudbase-js-sdk#5 "[FUNCTION_NOT_FOUND] 找不到对应的FunctionName."); node-sdk throws it (errCode -1)
  it('should answer a call to a function that does not exist with FUNCTION_NOT_FOUND', async () => {
    const out = await h.runtime.invoke('caller', { target: 'no-such-function', data: {} }, { openid: 'o-c' })
    const res = out.result as CallerResult
    expect(res.errCode).toBe(-1)
    expect(res.code).toBe('FUNCTION_NOT_FOUND')
    expect(res.errMsg).toContain('FunctionName parameter could not be found')
  })

  it('should surface a callee timeout to the caller with the timeout message', async () => {
    const out = await h.runtime.invoke('caller', { target: 'sleeper', data: { ms: 4000 } }, { openid: 'o-c' })
    expect((out.result as CallerResult).errMsg).toContain('Invoking task timed out after 1 seconds')
  })
})

describe('caller identity of SDK requests from inside a function', () => {
  let h: Harness
  const seen: { caller?: CallerInfo; apiName?: unknown; allowed?: boolean }[] = []
  beforeAll(async () => {
    h = await startHarness()
    // Stands in for the open-API module, which serves `wx.openApi` in the real emulator.
    h.router.on('wx.openApi', (params, ctx) => {
      const caller = h.runtime.callerOf(ctx)
      const apiName = params.apiName
      seen.push({
        caller,
        apiName,
        allowed: caller && typeof apiName === 'string' ? h.runtime.openApiAllowed(caller.functionName, apiName) : undefined,
      })
      return { code: 'TEST_STOP', message: 'captured' }
    })
  })
  afterAll(() => h.close())

  it('should tell a router action which function and user sent the request', async () => {
    seen.length = 0
    await h.runtime.invoke('openapiCaller', {}, { openid: 'o-d', appid: 'wx-app', source: 'wx_client' })
    expect(seen).toHaveLength(1)
    expect(seen[0].caller).toMatchObject({ functionName: 'openapiCaller', openid: 'o-d', appid: 'wx-app' })
    expect(seen[0].apiName).toBe('wxacode.getUnlimited')
  })

  it('should allow an open API listed in the calling function config', () => {
    expect(seen[0]?.allowed).toBe(true)
  })

  it('should refuse an open API the function config does not list', () => {
    expect(h.runtime.openApiAllowed('openapiCaller', 'subscribeMessage.send')).toBe(false)
    expect(h.runtime.openApiAllowed('whoami', 'wxacode.getUnlimited')).toBe(false)
  })

  it('should not recognise a request made outside any invocation', () => {
    expect(
      h.runtime.callerOf({ headers: { authorization: 'TC3-HMAC-SHA256 Credential=someone/2026-01-01/tcb/tc3_request' } }),
    ).toBeUndefined()
  })
})
