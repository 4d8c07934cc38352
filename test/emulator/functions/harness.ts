/** Starts the SDK endpoint and a FunctionRuntime over the fixture functions; close() stops both. */
import * as path from 'path'
import { EmulatorClock } from '../../../emulator/core/clock'
import { startHttpServer } from '../../../emulator/core/http'
import { ActionRouter } from '../../../emulator/core/router'
import { FunctionRuntime, type FunctionRuntimeOptions, type InvocationRecord } from '../../../emulator/functions'

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'functions')

export interface Harness {
  runtime: FunctionRuntime
  router: ActionRouter
  clock: EmulatorClock
  records: InvocationRecord[]
  close(): Promise<void>
}

export async function startHarness(overrides: Partial<FunctionRuntimeOptions> = {}): Promise<Harness> {
  const router = new ActionRouter()
  const server = await startHttpServer(router)
  const clock = overrides.clock ?? new EmulatorClock()
  const records: InvocationRecord[] = []
  const runtime = new FunctionRuntime({
    clock,
    functionsDir: FIXTURES,
    sdkUrl: () => server.url,
    maxWorkersPerFunction: 4,
    onInvocation: (r) => records.push(r),
    ...overrides,
  })
  runtime.register(router)
  return {
    runtime,
    router,
    clock,
    records,
    close: async () => {
      await runtime.close()
      await server.close()
    },
  }
}
