import type { z } from 'zod'
import { fail, ok, type Envelope } from '../contracts/envelope'
import { rolesOf, type Role } from './auth'
import { caller, type Caller } from './cloud'
import { isRejection, type Rejection } from '../domain/kernel'
import { TxConflict } from './db'
import { runTimerEvent, type FunctionTimerJobs } from './timer-dispatch'

export interface ActionContext {
  who: Caller
  roles: ReadonlySet<Role>
}

export interface ActionDef<S extends z.ZodTypeAny, R> {
  schema: S
  /** Who may call it. Default: any identified member. `admin` and `teacher` are read from the member's record. */
  roles?: readonly Role[]
  run: (input: z.infer<S>, ctx: ActionContext) => Promise<R | Rejection>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAction = ActionDef<any, unknown>

export const action = <S extends z.ZodTypeAny, R>(def: ActionDef<S, R>): ActionDef<S, R> => def

export interface FunctionOptions {
  /** The jobs the function's one timer trigger dispatches (see shared/timer-dispatch.ts); they run with no user identity. */
  timer?: FunctionTimerJobs
}

const FORBIDDEN = fail('AUTH.FORBIDDEN', '没有权限进行该操作')

async function authorise(def: AnyAction, who: Caller): Promise<Set<Role> | undefined> {
  if (!who.openid) return undefined
  const required = def.roles ?? ['member']
  const roles = required.every((r) => r === 'member') ? new Set<Role>(['member']) : await rolesOf(who.openid)
  return required.some((r) => roles.has(r)) ? roles : undefined
}

/**
 * Builds a function's `main`: route by `action` (or timer name), check the caller's role, parse the event with the
 * action's schema, run the use case with the trusted caller, wrap the one envelope. Identity comes only from
 * getWXContext(); anything identity-like in the event is ignored by the strict schemas. Bugs are logged and answered
 * with `SYS.INTERNAL`, never leaked.
 */
export function defineFunction(actions: Record<string, AnyAction>, options: FunctionOptions = {}) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    const e = (event ?? {}) as Record<string, unknown>
    try {
      if (e.Type === 'Timer') {
        if (!options.timer || caller().openid) return fail('REQUEST.UNKNOWN_ACTION', '不支持的操作')
        return await runTimerEvent(options.timer, e)
      }
      const name = e.action
      if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(actions, name))
        return fail('REQUEST.UNKNOWN_ACTION', '不支持的操作')
      const def = actions[name]
      const who = caller()
      if (!who.openid) return fail('AUTH.NO_IDENTITY', '请在微信中打开')
      const roles = await authorise(def, who)
      if (!roles) return FORBIDDEN
      // WeChat adds userInfo to events from the client; it is not input.
      const { userInfo: _userInfo, ...payload } = e
      void _userInfo
      const parsed = def.schema.safeParse(payload)
      if (!parsed.success) {
        return fail(
          'REQUEST.INVALID',
          '请求参数不正确',
          parsed.error.issues.map((i: z.ZodIssue) => ({ path: i.path.join('.'), message: i.message })),
        )
      }
      const result = await def.run(parsed.data, { who, roles })
      if (isRejection(result)) return fail(result.code, result.message, result.details)
      return ok(result)
    } catch (err) {
      if (err instanceof TxConflict) return fail('SYS.BUSY', '当前参与人数较多，请稍后重试')
      console.error(`[${String(e.action ?? e.TriggerName)}]`, err)
      return fail('SYS.INTERNAL', '系统繁忙，请稍后再试')
    }
  }
}

type ActionName<U extends z.ZodTypeAny> = z.infer<U>['action'] & string

/**
 * Builds the action table from a zod discriminated union on `action`, one run function per member. `R` is the
 * function's results map (contracts): each run must answer its action's entry or a rejection, so a handler and the
 * client's `callAction` read one contract.
 */
export function actionsFrom<
  U extends z.ZodDiscriminatedUnion<'action', z.ZodDiscriminatedUnionOption<'action'>[]>,
  R extends { [A in ActionName<U>]: unknown },
>(
  union: U,
  runs: {
    [A in ActionName<U>]: {
      roles?: readonly Role[]
      run: (input: Extract<z.infer<U>, { action: A }>, ctx: ActionContext) => Promise<R[A] | Rejection>
    }
  },
): Record<string, AnyAction> {
  const table: Record<string, AnyAction> = {}
  for (const option of union.options) {
    const name = (option.shape.action as z.ZodLiteral<string>).value
    const def = (runs as Record<string, { roles?: readonly Role[]; run: AnyAction['run'] }>)[name]
    if (!def) throw new Error(`no handler for action ${name}`)
    table[name] = { schema: option, roles: def.roles, run: def.run }
  }
  return table
}
