import type { IncomingHttpHeaders } from 'http'
import { CloudError } from './errors'

/** What a handler learns about the HTTP request besides its decoded params. */
export interface RequestContext {
  headers: IncomingHttpHeaders
  /** Raw multipart parts when the SDK sent form data (open API, storage). */
  files?: Record<string, Buffer>
}

/** A reply that is not JSON (protobuf, file bytes). */
export class RawReply {
  constructor(
    readonly body: Buffer,
    readonly contentType: string,
    readonly headers: Record<string, string> = {},
  ) {}
}

export type ActionParams = Record<string, unknown> & { action: string }
export type ActionHandler = (params: ActionParams, ctx: RequestContext) => unknown | Promise<unknown>

/**
 * Maps the SDK's `action` field (e.g. `database.getDocument`, `functions.invokeFunction`)
 * to the module that serves it. Each module registers its own actions.
 */
export class ActionRouter {
  private readonly handlers = new Map<string, ActionHandler>()
  /** Called before every dispatch (fault injection, request counting). */
  readonly interceptors: ((params: ActionParams) => void)[] = []
  /** Called after a handler succeeded, before its answer is sent (fault injection of lost answers). */
  readonly afterDispatch: ((params: ActionParams) => void)[] = []

  on(action: string, handler: ActionHandler): void {
    if (this.handlers.has(action)) throw new Error(`action ${action} registered twice`)
    this.handlers.set(action, handler)
  }

  has(action: string): boolean {
    return this.handlers.has(action)
  }

  actions(): string[] {
    return [...this.handlers.keys()].sort()
  }

  async dispatch(params: ActionParams, ctx: RequestContext): Promise<unknown> {
    for (const intercept of this.interceptors) intercept(params)
    const handler = this.handlers.get(params.action)
    if (!handler) throw new CloudError('INVALID_ACTION', `action ${String(params.action)} is not supported by the local emulator`)
    const answer = await handler(params, ctx)
    for (const after of this.afterDispatch) after(params)
    return answer
  }
}
