/**
 * Request/reply over a forked TypeScript process's IPC channel, for the benchmark's emulator process and its
 * function-instance processes. The child answers every `{ id, ... }` with `{ id, value }` or `{ id, error }`; id 0 is
 * its "ready" message.
 */
import { fork } from 'child_process'

export type Reply = { id: number; value?: unknown; error?: string }

export interface ChildProcessRpc<Cmd extends object> {
  /** The value the child sent with its ready message. */
  ready: Promise<unknown>
  call<T>(cmd: Cmd): Promise<T>
  /** Closes the channel; a child served by serveRpc exits. */
  disconnect(): void
  /** Resolves when the child has exited. */
  exited(): Promise<void>
}

/** Forks `file` (TypeScript, through tsx, with extra `nodeFlags`) with `args`; structured-clone serialization keeps Dates and nested values. */
export function forkRpc<Cmd extends object>(file: string, args: string[], nodeFlags: string[] = []): ChildProcessRpc<Cmd> {
  const child = fork(file, args, {
    execArgv: ['--import', 'tsx', ...nodeFlags],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
  let nextId = 1
  let gone: Error | null = null
  const ready = new Promise<unknown>((resolve, reject) => pending.set(0, { resolve, reject }))
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      gone = new Error(`${file} exited with code ${code}`)
      for (const w of pending.values()) w.reject(gone)
      pending.clear()
      resolve()
    }),
  )
  child.on('message', (reply: Reply) => {
    const waiter = pending.get(reply.id)
    if (!waiter) return
    pending.delete(reply.id)
    if (reply.error !== undefined) waiter.reject(new Error(`${file}: ${reply.error}`))
    else waiter.resolve(reply.value)
  })
  return {
    ready,
    call<T>(cmd: Cmd): Promise<T> {
      if (gone) return Promise.reject<T>(gone)
      const id = nextId++
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
        child.send({ ...cmd, id })
      })
    },
    disconnect: () => child.connected && child.disconnect(),
    exited: () => exit,
  }
}

/** The child side: answers each request with `handle`'s value or error, after announcing `ready`. */
export function serveRpc<Req extends { id: number }>(ready: unknown, handle: (req: Req) => Promise<unknown>): void {
  const send = (reply: Reply) => process.send?.(reply)
  process.on('message', (req: Req) => {
    handle(req).then(
      (value) => send({ id: req.id, value: value ?? null }),
      (err: unknown) => send({ id: req.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    )
  })
  // The parent going away ends the child too.
  process.on('disconnect', () => process.exit(0))
  send({ id: 0, value: ready })
}
