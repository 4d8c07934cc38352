/**
 * Cloud functions end to end: the built bundles run in the emulator's runtime
 * (worker per invocation, identity from getWXContext) against an in-memory
 * database. `call` is what the mini program does; `sdk` points the real
 * wx-server-sdk of the test process at the same emulator, for services tested in-process.
 */
import { createAppEmulator as createEmulator, type AppEmulator as Emulator } from '../../local'
import type { Envelope } from '../../cloudfunctions/src/contracts/envelope'
import { newMember } from '../../cloudfunctions/src/domain/identity'
import { pointSdkAt } from './emulator-sdk'

export interface FunctionsHarness {
  emu: Emulator
  call<T = unknown>(name: string, event: Record<string, unknown>, openid: string): Promise<Envelope<T>>
  /** Unwraps `{ code: 0, data }` or fails the test with the envelope. */
  ok<T = unknown>(name: string, event: Record<string, unknown>, openid: string): Promise<T>
  member(openid: string, roles?: string[], extra?: Record<string, unknown>): Promise<void>
  close(): Promise<void>
}

export async function startFunctions(opts: { sdkInProcess?: boolean } = {}): Promise<FunctionsHarness> {
  const emu = await createEmulator()
  if (opts.sdkInProcess) pointSdkAt(emu.url)
  const call = async <T>(name: string, event: Record<string, unknown>, openid: string) =>
    (await emu.call(name, event, openid)) as Envelope<T>
  return {
    emu,
    call,
    async ok<T>(name: string, event: Record<string, unknown>, openid: string) {
      const res = await call<T>(name, event, openid)
      if (res.code !== 0) throw new Error(`${name}.${String(event.action)} failed: ${JSON.stringify(res)}`)
      return res.data
    },
    async member(openid, roles = [], extra = {}) {
      const base = newMember(openid, emu.clock.now())
      await emu.db.insert('members', [{ ...base, nickname: openid, roles: [...new Set(['member', ...roles])], ...extra }])
    },
    close: () => emu.close(),
  }
}
