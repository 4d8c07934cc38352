/**
 * The shapes that cross into and out of a function instance: the SCF `context`
 * argument, the event as WeChat delivers it, and the outcome as the client sees it.
 */
import { randomUUID } from 'crypto'
import type { FunctionDefinition } from './function-catalog'
import type { WorkerOutcome } from './function-worker'
import { executeError, systemError, timeoutError, type InvocationError } from './invocation-errors'
import type { Invoker } from './wx-context'

export function adminUrlOf(sdkUrl: string): string {
  const base = sdkUrl.replace(/\/+$/, '')
  return base.endsWith('/admin') ? base : `${base}/admin`
}

/** The SCF `context` argument (plain data: it crosses the thread boundary). */
export function scfContext(def: FunctionDefinition, envId: string): Record<string, unknown> {
  return {
    request_id: randomUUID(),
    function_name: def.name,
    function_version: '$LATEST',
    namespace: envId,
    memory_limit_in_mb: 256,
    time_limit_in_ms: def.timeoutSec * 1000,
    tencentcloud_region: 'ap-shanghai',
  }
}

/** Calls carrying a user get `event.userInfo = { appId, openId }`, as WeChat injects it. */
export function withUserInfo(event: unknown, caller: Invoker): unknown {
  if (!caller.openid || !event || typeof event !== 'object' || Array.isArray(event)) return event
  return { ...event, userInfo: { appId: caller.appid ?? '', openId: caller.openid } }
}

export function errorFromHook(err: unknown): InvocationError {
  const e = err as { errCode?: unknown; errMsg?: unknown; message?: unknown }
  if (typeof e?.errCode === 'number') return { errCode: e.errCode, errMsg: String(e.errMsg ?? e.message ?? '') }
  return systemError(err instanceof Error ? err.message : String(err))
}

export function toResult(outcome: WorkerOutcome, timeoutSec: number): { result?: unknown; error?: InvocationError } {
  switch (outcome.kind) {
    case 'ok':
      return { result: JSON.parse(outcome.json) as unknown }
    case 'failed':
      return { error: executeError(outcome.error.stack) }
    case 'timeout':
      return { error: timeoutError(timeoutSec) }
    case 'crashed':
      return { error: executeError(outcome.message) }
  }
}
