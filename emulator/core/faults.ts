/**
 * Fault injection for tests: make the next matching SDK request fail as the
 * cloud would fail it, to prove that a multi-step flow leaves nothing half-done.
 *
 * A fault looks like CloudBase's generic database failure by default: code DATABASE_REQUEST_FAILED, which
 * wx-server-sdk maps to errCode -502001 — the same errCode as a duplicate key, but without the duplicate-key
 * signature (E11000 / "duplicate key") in its message. Code that reads any -502001 as "already done" fails the tests.
 */
import { CloudError } from './errors'
import type { ActionParams } from './router'

export interface FaultRule {
  /** SDK action, e.g. `database.modifyDocument`. */
  action: string
  /** Only requests on this collection (database actions). */
  collection?: string
  /** How many matching requests to fail (default 1). */
  times?: number
  /** Let this many matching requests through first (fail the 2nd insert into a collection: `skip: 1`). */
  skip?: number
  /**
   * 'before' (default): the request fails and changes nothing. 'after': the request is applied but its answer
   * is lost (a network or timeout failure after the server acted) — e.g. a commit that happened although the
   * caller saw an error.
   */
  when?: 'before' | 'after'
  code?: string
  message?: string
  /** HTTP status of the failed answer (gateway APIs such as the AI models answer errors with 4xx/5xx). */
  httpStatus?: number
}

/** A slow answer: the matching request is answered only once the emulator clock has moved `delayMs` past its arrival. */
export interface SlowRule {
  action: string
  collection?: string
  delayMs: number
  times?: number
  skip?: number
}

/** The generic failure CloudBase answers when a database request fails for a reason other than the ones it names. */
export const GENERIC_DB_FAILURE = { code: 'DATABASE_REQUEST_FAILED', message: 'injected fault: database request failed' } as const

export class FaultInjector {
  private rules: (FaultRule & { left: number; toSkip: number })[] = []
  private slowRules: (SlowRule & { left: number; toSkip: number })[] = []

  failNext(rule: FaultRule): void {
    this.rules.push({ ...rule, left: rule.times ?? 1, toSkip: rule.skip ?? 0 })
  }

  /** Delays the next matching answer (actions that support it: `ai.chat`) until the clock advanced `delayMs`. */
  slowNext(rule: SlowRule): void {
    this.slowRules.push({ ...rule, left: rule.times ?? 1, toSkip: rule.skip ?? 0 })
  }

  clear(): void {
    this.rules = []
    this.slowRules = []
  }

  /** Rules not yet used up (a test can assert its fault was actually hit). */
  pending(): number {
    return [...this.rules, ...this.slowRules].reduce((n, r) => n + r.left, 0)
  }

  /** The delay a matching slow rule imposes on this request (0 when none), using the rule up. */
  delayOf(params: ActionParams): number {
    const rule = this.slowRules.find((r) => r.left > 0 && this.matches(r, params))
    if (!rule) return 0
    if (rule.toSkip > 0) {
      rule.toSkip--
      return 0
    }
    rule.left--
    this.slowRules = this.slowRules.filter((r) => r.left > 0)
    return rule.delayMs
  }

  /** Called before each request is dispatched: throws for a matching 'before' rule. */
  check(params: ActionParams): void {
    this.fire(params, 'before')
  }

  /** Called after a request was applied: throws for a matching 'after' rule (the answer is lost). */
  checkAfter(params: ActionParams): void {
    this.fire(params, 'after')
  }

  private fire(params: ActionParams, when: 'before' | 'after'): void {
    const rule = this.rules.find((r) => r.left > 0 && (r.when ?? 'before') === when && this.matches(r, params))
    if (!rule) return
    if (rule.toSkip > 0) {
      rule.toSkip--
      return
    }
    rule.left--
    this.rules = this.rules.filter((r) => r.left > 0)
    throw new CloudError(rule.code ?? GENERIC_DB_FAILURE.code, rule.message ?? GENERIC_DB_FAILURE.message, rule.httpStatus)
  }

  private matches(rule: { action: string; collection?: string }, params: ActionParams): boolean {
    return rule.action === params.action && (rule.collection === undefined || rule.collection === params.collectionName)
  }
}
