import { REASON_INFO, type PointsReason } from './reasons'

/**
 * How one entry moves the running totals. `balance` always moves by `amount`; `earned` and `spent` are kept net
 * (a refund lowers `spent`, reversing an award lowers `earned`) so that `earned − spent = balance` holds by
 * construction and both read as what a member would call 累计获得 / 累计消耗. Expiry counts as consumed.
 */
export interface Totals {
  balance: number
  earned: number
  spent: number
}

export const ZERO_TOTALS: Totals = Object.freeze({ balance: 0, earned: 0, spent: 0 })

export interface EntryEffectInput {
  amount: number
  reason: PointsReason
  /** Only for reversals: the reason of the entry being reversed, whose account the reversal mirrors. */
  reversedReason?: PointsReason
}

export function applyEffect(totals: Totals, entry: EntryEffectInput): Totals {
  const account = accountOf(entry)
  return {
    balance: totals.balance + entry.amount,
    earned: account === 'earned' ? totals.earned + entry.amount : totals.earned,
    spent: account === 'spent' ? totals.spent - entry.amount : totals.spent,
  }
}

function accountOf(entry: EntryEffectInput): 'earned' | 'spent' {
  const account = REASON_INFO[entry.reason].account
  if (account !== 'mirror') return account
  if (!entry.reversedReason || entry.reversedReason === 'reversal') throw new Error('a reversal must name the reason it reverses')
  return accountOf({ amount: entry.amount, reason: entry.reversedReason })
}
