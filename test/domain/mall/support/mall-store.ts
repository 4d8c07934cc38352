/**
 * An in-memory model of the redeem and cancel transactions the lead writes: each reads what it needs, plans with
 * the pure functions, and commits only if nothing it read changed (else it retries, like runTransaction).
 */
import {
  limitCounterId,
  planRedeem,
  refundRequestOf,
  transition,
  type Compensation,
  type MallItem,
  type MallOrder,
  type OrderActor,
} from '@cloud/domain/mall'
import { planEntry, type EntryRequest } from '@cloud/domain/points'
import { LedgerStore } from '../../points/support/ledger-store'

type Versioned<T> = { doc: T; version: number }
export type RedeemOutcome = { ok: true; order: MallOrder; replayed: boolean } | { ok: false; code: string }

export class MallStore {
  readonly ledger = new LedgerStore()
  readonly items = new Map<string, Versioned<MallItem>>()
  readonly counters = new Map<string, number>()
  readonly orders = new Map<string, Versioned<MallOrder>>()
  readonly pool: string[] = []

  constructor(item: MallItem, codes: string[] = []) {
    this.items.set(item._id, { doc: item, version: 0 })
    this.pool.push(...codes)
  }

  award(memberId: string, amount: number, key: string, now: number): void {
    this.ledger.apply({ _id: key, memberId, amount, reason: 'featured' }, now)
  }

  /** Reads and plans; `commit` below applies it if the world has not moved. */
  planRedeem(itemId: string, memberId: string, orderId: string, now: number, address?: unknown) {
    const seen = { item: this.items.get(itemId), order: this.orders.get(orderId), balance: this.ledger.balances.get(memberId) }
    const counter = this.counters.get(limitCounterId(itemId, memberId)) ?? 0
    const existing = seen.order?.doc
    if (existing) return { seen, counter, plan: { replay: existing } }
    if (!seen.item) return { seen, counter, plan: { ok: false as const, code: 'MALL.ITEM_NOT_FOUND' } }
    const plan = planRedeem({ orderId, memberId, item: seen.item.doc, memberRedeemedCount: counter, balance: seen.balance, now, address })
    return { seen, counter, plan }
  }

  commitRedeem(planned: ReturnType<MallStore['planRedeem']>): RedeemOutcome | 'conflict' {
    const { seen, counter, plan } = planned
    if ('replay' in plan && plan.replay) return { ok: true, order: plan.replay, replayed: true }
    if (!plan.ok) return { ok: false, code: plan.code }
    const item = this.items.get(plan.order.itemId) as Versioned<MallItem>
    const counterId = limitCounterId(plan.order.itemId, plan.order.memberId)
    if (item.version !== seen.item?.version || (this.counters.get(counterId) ?? 0) !== counter || this.orders.has(plan.order._id))
      return 'conflict'
    if (this.ledger.commit({ ok: true, replayed: false, entry: plan.entry, balance: plan.balance }) !== 'committed') return 'conflict'
    let order = plan.order
    for (const { do: step } of plan.steps) {
      if (step.type === 'decrement_stock')
        this.items.set(item.doc._id, { doc: { ...item.doc, stock: item.doc.stock - 1 }, version: item.version + 1 })
      if (step.type === 'count_limit') this.counters.set(step.counterId, counter + 1)
      if (step.type === 'assign_code') order = { ...order, code: this.pool.shift() }
    }
    this.orders.set(order._id, { doc: order, version: 0 })
    return { ok: true, order, replayed: false }
  }

  redeem(itemId: string, memberId: string, orderId: string, now: number, address?: unknown): RedeemOutcome {
    for (let attempt = 0; attempt < 100; attempt++) {
      const outcome = this.commitRedeem(this.planRedeem(itemId, memberId, orderId, now, address))
      if (outcome !== 'conflict') return outcome
    }
    throw new Error('redeem kept conflicting')
  }

  /** Fulfil or cancel in one transaction; a cancel's effects are applied with the status change. */
  act(orderId: string, action: 'fulfil' | 'cancel', actor: OrderActor, now: number) {
    const current = this.orders.get(orderId)
    if (!current) return { ok: false as const, code: 'MALL.ORDER_NOT_FOUND' }
    const result = transition(current.doc, action, actor, now)
    if (!result.ok || !result.changed) return result
    for (const effect of result.effects) this.undo(effect, current.doc, now)
    this.orders.set(orderId, { doc: result.order, version: current.version + 1 })
    return result
  }

  private undo(effect: Compensation, order: MallOrder, now: number): void {
    const item = this.items.get(order.itemId) as Versioned<MallItem>
    if (effect.type === 'refund_points') this.refund(refundRequestOf(order), now)
    if (effect.type === 'increment_stock')
      this.items.set(item.doc._id, { doc: { ...item.doc, stock: item.doc.stock + 1 }, version: item.version + 1 })
    if (effect.type === 'uncount_limit') this.counters.set(effect.counterId, (this.counters.get(effect.counterId) ?? 0) - 1)
    if (effect.type === 'release_code' && order.code) this.pool.push(order.code)
  }

  private refund(request: EntryRequest, now: number): void {
    const plan = planEntry(this.ledger.balances.get(request.memberId), request, now, this.ledger.entries.get(request._id))
    if (!plan.ok) throw new Error(`refund rejected: ${plan.code}`)
    if (!plan.replayed) this.ledger.commit(plan)
  }
}
