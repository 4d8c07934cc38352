/**
 * The benchmarks' load model: `sessions` people active at once, each making `rounds` calls and pausing a random
 * 0..thinkMs before each; thinkMs 0 keeps every session's call in flight all the time (saturation).
 */
export interface LoadResult {
  /** Duration of every call, ms. */
  times: number[]
  perSec: number
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** `call` makes one call and resolves with its duration in ms. */
export async function runLoad(
  sessions: number,
  rounds: number,
  thinkMs: number,
  call: (session: number, round: number) => Promise<number>,
): Promise<LoadResult> {
  const times: number[] = []
  const started = Date.now()
  await Promise.all(
    Array.from({ length: sessions }, async (_, s) => {
      for (let r = 0; r < rounds; r++) {
        if (thinkMs) await sleep(Math.random() * thinkMs)
        times.push(await call(s, r))
      }
    }),
  )
  return { times, perSec: Math.round((times.length / (Date.now() - started)) * 1000) }
}

/** Runs `op` in this process and resolves with its duration in ms (for `runLoad`'s `call`). */
export async function timeCall(op: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint()
  await op()
  return Number(process.hrtime.bigint() - t0) / 1e6
}

/** A refusal would make the benchmark time the wrong thing. */
export function must<T>(v: T): T {
  if (v && typeof v === 'object' && 'ok' in v && (v as { ok: unknown }).ok === false)
    throw new Error(`refused in the benchmark: ${(v as { code?: string }).code}`)
  return v
}
