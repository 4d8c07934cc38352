/**
 * Starts the emulator in its own process (./emulator-process.ts) and gives a benchmark the few things it needs from
 * it: the URL, the emulator's clock, bulk inserts for seeding and a database request counter. It also points this
 * process's wx-server-sdk at the emulator, for seeding checks and request counts made in-process.
 */
import * as path from 'path'
import { pointSdkAt } from '../emulator/core/sdk-env'
import { forkRpc } from './ipc'

export type HostCommand =
  | { kind: 'insert'; collection: string; docs: object[] }
  | { kind: 'count-start' }
  | { kind: 'count-stop' }
  | { kind: 'gc' }
  | { kind: 'close' }

const INSERT_BATCH = 5_000

export interface BenchEmulator {
  url: string
  /** The emulator's clock is real time plus an offset that nothing moves during a benchmark. */
  clockOffset: number
  clock: { now(): number }
  db: { insert(collection: string, docs: object[]): Promise<void> }
  /**
   * A full garbage collection in the emulator process, after a bulk seed: the seed's garbage would otherwise be
   * collected in one long pause during the timed rows, which no production database has after a bulk load.
   */
  settle(): Promise<void>
  /** Database requests (`database.*` actions) the emulator served while `op` ran. */
  countRequests(op: () => Promise<unknown>): Promise<number>
  close(): Promise<void>
}

export async function startBenchEmulator(): Promise<BenchEmulator> {
  const rpc = forkRpc<HostCommand>(path.join(__dirname, 'emulator-process.ts'), [], ['--expose-gc'])
  const { url, clockOffset } = (await rpc.ready) as { url: string; clockOffset: number }
  pointSdkAt(url)
  return {
    url,
    clockOffset,
    clock: { now: () => Date.now() + clockOffset },
    db: {
      // In batches, so no single IPC message carries a whole 200,000-document seed.
      async insert(collection, docs) {
        for (let i = 0; i < docs.length; i += INSERT_BATCH)
          await rpc.call({ kind: 'insert', collection, docs: docs.slice(i, i + INSERT_BATCH) })
      },
    },
    settle: () => rpc.call({ kind: 'gc' }),
    async countRequests(op) {
      await rpc.call({ kind: 'count-start' })
      await op()
      const counts = await rpc.call<{ database: number; byAction: Record<string, number> }>({ kind: 'count-stop' })
      if (process.env.BENCH_DEBUG) console.log(counts.byAction)
      return counts.database
    },
    async close() {
      await rpc.call({ kind: 'close' }).catch(() => undefined)
      await rpc.exited()
    },
  }
}
