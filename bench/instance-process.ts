/**
 * One cloud function instance for the benchmarks (see ./instances.ts): points its wx-server-sdk at the emulator,
 * loads the benchmark's operations and runs each requested call, answering with its duration in ms.
 */
import { pointSdkAt } from '../emulator/core/sdk-env'
import type { OpsTable } from './instances'
import { serveRpc } from './ipc'
import { timeCall } from './load'

async function main(): Promise<void> {
  const [opsFile, url, clockOffset] = process.argv.slice(2)
  pointSdkAt(url)
  const { createOps } = (await import(opsFile)) as { createOps(now: () => number): OpsTable }
  const offset = Number(clockOffset)
  const ops = createOps(() => Date.now() + offset) as Record<string, (arg: unknown) => Promise<unknown>>
  serveRpc<{ id: number; op: string; arg: unknown }>({}, async ({ op, arg }) => {
    const run = ops[op]
    if (!run) throw new Error(`unknown benchmark operation ${op}`)
    return timeCall(() => run(arg))
  })
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
