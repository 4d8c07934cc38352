/** Records the SDK requests the emulator serves while `run` runs (the RequestCounter's trail, in order). */
import type { FunctionsHarness } from './functions'

export type RequestRecord = { action: string; collection?: string }

export async function recordRequests<T>(h: FunctionsHarness, run: () => Promise<T>): Promise<{ result: T; trail: RequestRecord[] }> {
  h.emu.requests.reset()
  h.emu.requests.counting = true
  try {
    const result = await run()
    return { result, trail: [...h.emu.requests.trail] }
  } finally {
    h.emu.requests.counting = false
  }
}

/** The database requests of `run`, as `action collection` lines. */
export async function databaseTrail(h: FunctionsHarness, run: () => Promise<unknown>): Promise<string[]> {
  const { trail } = await recordRequests(h, run)
  return trail.filter((r) => r.action.startsWith('database.')).map((r) => `${r.action} ${r.collection ?? ''}`.trim())
}

/** `run`'s answer and how many database requests it made (the emulator's RequestCounter, as the bench counts). */
export async function countDatabaseRequests<T>(h: FunctionsHarness, run: () => Promise<T>): Promise<{ value: T; requests: number }> {
  h.emu.requests.reset()
  h.emu.requests.counting = true
  try {
    const value = await run()
    return { value, requests: h.emu.requests.database() }
  } finally {
    h.emu.requests.counting = false
  }
}
