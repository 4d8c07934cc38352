/**
 * Cloud function instances for the load rows of the benchmarks. In production each concurrent call runs in a function
 * instance of its own and the database is a separate service; here the emulator has its own process
 * (./emulator-host.ts) and the calls are spread over one instance process per CPU core (./instance-process.ts), each
 * running the same service code through the real wx-server-sdk. An instance times its own call (from the use case's
 * start to its answer), as the function's duration, so IPC to the benchmark driver is not counted.
 */
import * as os from 'os'
import * as path from 'path'
import type { BenchEmulator } from './emulator-host'
import { forkRpc, type ChildProcessRpc } from './ipc'

/** A benchmark's operations: each takes one structured-clonable argument. Built with the emulator clock's `now`. */
export type OpsTable = Record<string, (arg: never) => Promise<unknown>>
export type OpArg<O extends OpsTable, K extends keyof O> = Parameters<O[K]>[0]

export interface FunctionInstances<O extends OpsTable> {
  count: number
  /** Runs `op` on the instance serving `session`; resolves with the call's duration in ms. */
  run<K extends keyof O & string>(session: number, op: K, arg: OpArg<O, K>): Promise<number>
  close(): Promise<void>
}

type InstanceCommand = { op: string; arg: unknown }

export const coreCount = (): number => (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length)

/** `opsFile` exports `createOps(now)` returning the table `O`. */
export async function startInstances<O extends OpsTable>(
  emu: BenchEmulator,
  opsFile: string,
  count = coreCount(),
): Promise<FunctionInstances<O>> {
  const children: ChildProcessRpc<InstanceCommand>[] = Array.from({ length: count }, () =>
    forkRpc<InstanceCommand>(path.join(__dirname, 'instance-process.ts'), [opsFile, emu.url, String(emu.clockOffset)]),
  )
  await Promise.all(children.map((c) => c.ready))
  return {
    count,
    run: (session, op, arg) => children[session % count].call<number>({ op, arg }),
    async close() {
      for (const c of children) c.disconnect()
      await Promise.all(children.map((c) => c.exited()))
    },
  }
}
