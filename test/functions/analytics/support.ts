import type { Envelope } from '../../../cloudfunctions/src/contracts/envelope'
import type { FunctionsHarness } from '../../support/functions'
import { runTimerJob } from '../../../local/dev/timer-jobs'

export const ANALYST = 'analytics-admin'

export const analytics = <T = unknown>(h: FunctionsHarness, action: string, payload: Record<string, unknown> = {}, openid = ANALYST) =>
  h.call<T>('analytics', { action, ...payload }, openid)

export async function analyticsOk<T = unknown>(
  h: FunctionsHarness,
  action: string,
  payload: Record<string, unknown> = {},
  openid = ANALYST,
): Promise<T> {
  const res = await analytics<T>(h, action, payload, openid)
  if (res.code !== 0) throw new Error(`analytics.${action} failed: ${JSON.stringify(res)}`)
  return res.data
}

export const codeOf = (e: Envelope<unknown>) => e.code

export const rollup = (h: FunctionsHarness) => runTimerJob(h.emu.runtime, 'analytics', 'rollup')

/** Every document of a collection, by `_id`, for "nothing changed" comparisons. */
export async function snapshot(h: FunctionsHarness, collections: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const c of collections) out[c] = await h.emu.db.find(c, {})
  return out
}
