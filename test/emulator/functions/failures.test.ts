import { FUNCTION_EXECUTE_FAIL, FUNCTION_TIMEOUT } from '../../../emulator/functions'
import { startHarness, type Harness } from './harness'

interface Threaded {
  threadId: number
}

describe('FunctionRuntime failures', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ maxWorkersPerFunction: 1 })
  })
  afterAll(() => h.close())

  it('should end an invocation that outlives its config timeout with the CloudBase timeout error', async () => {
    const out = await h.runtime.invoke('sleeper', { ms: 5000 }, {})
    expect(out.error).toEqual({ errCode: FUNCTION_TIMEOUT, errMsg: 'Invoking task timed out after 1 seconds' })
    expect(out.durationMs).toBeGreaterThanOrEqual(990)
    expect(out.durationMs).toBeLessThan(3000)
  })

  it('should not count a slow cold start against the function timeout', async () => {
    // SCF bounds initialisation apart from execution (函数配置: 初始化超时时间 / 执行超时时间); a 1.5 s module load under a
    // 1 s timeout still runs, and the execution timer starts when main() is called.
    const out = await h.runtime.invoke('slowStart', {}, {})
    expect(out.error).toBeUndefined()
    expect((out.result as { loadedInMs: number }).loadedInMs).toBeGreaterThanOrEqual(1500)
  })

  it('should replace the worker of a timed-out invocation', async () => {
    const warm = await h.runtime.invoke('sleeper', { ms: 1 }, {})
    await h.runtime.invoke('sleeper', { ms: 5000 }, {})
    const next = await h.runtime.invoke('sleeper', { ms: 1 }, {})
    expect(next.error).toBeUndefined()
    expect((next.result as Threaded).threadId).not.toBe((warm.result as Threaded).threadId)
  })

  it('should turn a thrown error into a function error result carrying its message', async () => {
    const out = await h.runtime.invoke('thrower', { mode: 'throw' }, {})
    expect(out.error?.errCode).toBe(FUNCTION_EXECUTE_FAIL)
    expect(out.error?.errMsg).toMatch(/^Error: boom/)
  })

  it('should turn a rejected promise into a function error result', async () => {
    const out = await h.runtime.invoke('thrower', { mode: 'reject' }, {})
    expect(out.error?.errCode).toBe(FUNCTION_EXECUTE_FAIL)
    expect(out.error?.errMsg).toMatch(/^TypeError: rejected boom/)
  })

  it('should keep the warm worker after a function error', async () => {
    const before = await h.runtime.invoke('thrower', { mode: 'ok' }, {})
    await h.runtime.invoke('thrower', { mode: 'throw' }, {})
    const after = await h.runtime.invoke('thrower', { mode: 'ok' }, {})
    expect((after.result as Threaded).threadId).toBe((before.result as Threaded).threadId)
  })

  it('should report an uncaught exception as a function error and serve the next call from a new worker', async () => {
    const crashed = await h.runtime.invoke('thrower', { mode: 'crash' }, {})
    expect(crashed.error?.errCode).toBe(FUNCTION_EXECUTE_FAIL)
    expect(crashed.error?.errMsg).toContain('async boom')
    const next = await h.runtime.invoke('thrower', { mode: 'ok' }, {})
    expect(next.result).toMatchObject({ ok: true })
  })

  it('should queue invocations beyond the worker cap instead of failing them', async () => {
    const outs = await Promise.all([1, 2, 3].map(() => h.runtime.invoke('thrower', { mode: 'ok' }, {})))
    expect(outs.every((o) => (o.result as { ok: boolean }).ok)).toBe(true)
  })
})
