/**
 * The emulator as a process of its own, for benchmarks (see ./emulator-host.ts). In production the database is a
 * separate service from the cloud functions calling it; running both in one Node thread would make every benchmark
 * measure one event loop shared by the callers and the database.
 */
import { createAppEmulator as createEmulator } from '../local'
import type { HostCommand } from './emulator-host'
import { serveRpc } from './ipc'

async function main(): Promise<void> {
  const emu = await createEmulator()
  serveRpc<HostCommand & { id: number }>({ url: emu.url, clockOffset: emu.clock.offset() }, async (req) => {
    switch (req.kind) {
      case 'insert':
        await emu.db.insert(req.collection, req.docs)
        return null
      case 'count-start':
        emu.requests.reset()
        emu.requests.counting = true
        return null
      case 'count-stop':
        emu.requests.counting = false
        return { database: emu.requests.database(), byAction: emu.requests.byAction() }
      case 'gc':
        global.gc?.()
        return null
      case 'close':
        await emu.close()
        setImmediate(() => process.exit(0))
        return null
    }
  })
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
