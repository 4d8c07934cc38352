/**
 * Fault injection for tests: make the next matching SDK request fail as the
 * cloud would fail it, to prove that a multi-step flow leaves nothing half-done.
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
  code?: string
  message?: string
}

export class FaultInjector {
  private rules: (FaultRule & { left: number })[] = []

  failNext(rule: FaultRule): void {
    this.rules.push({ ...rule, left: rule.times ?? 1 })
  }

  clear(): void {
    this.rules = []
  }

  /** Throws the configured error when a rule matches; called before each request is dispatched. */
  check(params: ActionParams): void {
    const rule = this.rules.find(
      (r) => r.left > 0 && r.action === params.action && (r.collection === undefined || r.collection === params.collectionName),
    )
    if (!rule) return
    rule.left--
    this.rules = this.rules.filter((r) => r.left > 0)
    throw new CloudError(rule.code ?? 'DATABASE_REQUEST_FAILED', rule.message ?? 'injected fault')
  }
}
