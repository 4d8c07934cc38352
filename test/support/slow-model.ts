import type { FunctionsHarness } from './functions'

/**
 * Runs `call` against a model answer held 60 s by the emulator, firing the caller's own timeout timer after
 * `timeoutMs`: only setTimeout is faked (the HTTP machinery keeps real time), and the held answer is released after.
 */
export async function pastModelTimeout<T>(h: FunctionsHarness, timeoutMs: number, call: () => Promise<T>): Promise<T> {
  h.emu.faults.slowNext({ action: 'ai.chat', delayMs: 60_000 })
  const held = h.emu.ai.nextHeld()
  jest.useFakeTimers({
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'queueMicrotask',
      'setInterval',
      'clearInterval',
      'hrtime',
      'performance',
      'Date',
    ],
  })
  try {
    const out = call()
    await held
    jest.advanceTimersByTime(timeoutMs)
    return await out
  } finally {
    jest.useRealTimers()
    h.emu.clock.advance(60_000)
  }
}
