/**
 * `functions.invokeFunction`: what `cloud.callFunction` sends from inside a
 * function. @cloudbase/node-sdk 3.17 posts `{ action, function_name, qualifier,
 * request_data: JSON.stringify(data) }` and reads `res.data.response_data`
 * (JSON-parsed when it parses); an answer with `code` becomes an SDK error.
 */
import { randomUUID } from 'crypto'
import { CloudError } from '../core/errors'
import type { ActionRouter, RequestContext } from '../core/router'
import type { CallerInfo } from './caller-registry'
import { apiCodeOf, type InvocationError } from './invocation-errors'
import { calleeInvoker, type Invoker } from './wx-context'

export interface InvokeTarget {
  invoke(name: string, event: unknown, caller: Invoker): Promise<{ result?: unknown; error?: InvocationError }>
  callerOf(ctx: RequestContext, params?: Record<string, unknown>): CallerInfo | undefined
}

export function registerInvokeAction(router: ActionRouter, runtime: InvokeTarget): void {
  router.on('functions.invokeFunction', async (params, ctx) => {
    const name = params.function_name
    if (typeof name !== 'string' || !name) throw new CloudError('INVALID_PARAM', 'function_name is required')
    const event = parseRequestData(params.request_data)
    // The callee inherits the caller's WX identity; see calleeInvoker for why.
    const outcome = await runtime.invoke(name, event, calleeInvoker(runtime.callerOf(ctx, params)))
    if (outcome.error) throw new CloudError(apiCodeOf(outcome.error), outcome.error.errMsg)
    return { requestId: randomUUID(), data: { response_data: JSON.stringify(outcome.result ?? null) } }
  })
}

function parseRequestData(raw: unknown): unknown {
  if (raw === undefined || raw === null || raw === '') return {}
  if (typeof raw !== 'string') return raw
  try {
    return JSON.parse(raw) as unknown
  } catch {
    throw new CloudError('INVALID_PARAM', 'request_data is not valid JSON')
  }
}
