import type { z } from 'zod'
import { fail, ok, type Envelope } from '../contracts/envelope'
import { caller, type Caller } from './cloud'

/** An expected failure a use case returns as a value, with a stable code. */
export class Rejection {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

export interface ActionDef<S extends z.ZodTypeAny, R> {
  schema: S
  run: (input: z.infer<S>, who: Caller) => Promise<R | Rejection>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAction = ActionDef<any, unknown>

export const action = <S extends z.ZodTypeAny, R>(def: ActionDef<S, R>): ActionDef<S, R> => def

/**
 * Builds a function's `main`: parse the event with the action's schema, run the
 * use case with the trusted caller, wrap the result in the one envelope.
 * Bugs are logged and answered with `SYS.INTERNAL`, never leaked.
 */
export function defineFunction(actions: Record<string, AnyAction>) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    const name = (event as { action?: unknown } | null)?.action
    if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(actions, name)) {
      return fail('REQUEST.UNKNOWN_ACTION', '不支持的操作')
    }
    const def = actions[name]
    const { userInfo: _ignored, ...payload } = event as Record<string, unknown>
    void _ignored
    const parsed = def.schema.safeParse(payload)
    if (!parsed.success) {
      return fail(
        'REQUEST.INVALID',
        '请求参数不正确',
        parsed.error.issues.map((i: z.ZodIssue) => ({ path: i.path.join('.'), message: i.message })),
      )
    }
    try {
      const result = await def.run(parsed.data, caller())
      if (result instanceof Rejection) return fail(result.code, result.message)
      return ok(result)
    } catch (err) {
      console.error(`[${name}]`, err)
      return fail('SYS.INTERNAL', '系统繁忙，请稍后再试')
    }
  }
}
