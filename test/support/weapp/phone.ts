/**
 * The weapp layer's test fixture: one seeded emulator per test file (emulator.ts) and, per persona, a phone that
 * cold-starts the production build (a fresh app.js per boot, as a different WeChat user would run their own copy).
 */
import type { AppEmulator as Emulator } from '../../../local'
import { WeappApp } from './app'
import { recordWeappCoverage } from './coverage'
import { WeChatDevice } from './device'
import { startSeededEmulator } from './emulator'

export interface Phone {
  device: WeChatDevice
  app: WeappApp
}

export interface WeappFixture {
  readonly emu: Emulator
  /** Cold-starts the app as `openid`; `setup` adjusts the device first (launch options, answers). */
  phone(openid: string, setup?: (device: WeChatDevice) => void): Phone
}

/** Call at a test file's top level: emulator per file, coverage recorded, no page error or refused request unnoticed. */
export function weappFixture(): WeappFixture {
  let started: Awaited<ReturnType<typeof startSeededEmulator>> | undefined
  const phones: Phone[] = []
  recordWeappCoverage()
  beforeAll(async () => {
    started = await startSeededEmulator()
  }, 120_000)
  afterEach(() => {
    const errors = phones.flatMap((p) => p.app.errors)
    const invalid = phones.flatMap((p) => p.device.invalidRequests)
    phones.forEach((p) => p.app.closeAll())
    phones.length = 0
    if (errors.length) throw new Error(`page code threw: ${errors.map(String).join('; ')}`)
    if (invalid.length) throw new Error(`the app sent requests its functions refuse: ${invalid.map((e) => e.message).join('; ')}`)
  })
  afterAll(async () => {
    await started?.close()
  }, 60_000)
  return {
    get emu() {
      if (!started) throw new Error('the emulator is not started')
      return started.emu
    },
    phone(openid, setup) {
      if (!started) throw new Error('the emulator is not started')
      const device = new WeChatDevice(started.emu, openid)
      setup?.(device)
      const phone = { device, app: WeappApp.boot(device) }
      phones.push(phone)
      return phone
    },
  }
}
