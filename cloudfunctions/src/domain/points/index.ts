/** The points ledger as pure functions: the I/O layer reads, calls these, and writes what they return. */
export { applyEffect, ZERO_TOTALS, type Totals, type EntryEffectInput } from './accounting'
export * from './expiry'
export * from './idempotency'
export {
  emptyBalance,
  isValidAmount,
  planEntry,
  planCredit,
  isBlindCredit,
  replayOf,
  appendEntry,
  MAX_BALANCE,
  MAX_ENTRY_AMOUNT,
  type BalanceDoc,
  type EntryPlan,
  type EntryRequest,
  type LedgerEntry,
  type PlannedEntry,
  type PlannedCredit,
  type ReplayedEntry,
} from './ledger'
export * from './months'
export * from './reasons'
export * from './reconcile'
export * from './rejections'
export * from './reversal'
export * from './entry-key'
