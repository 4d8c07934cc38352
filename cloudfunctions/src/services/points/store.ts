/** The points repository: the ledger (`points_entries`, `_id` = idempotency key) and one balance per member. */
import { repository } from '../../shared/repository'

export const ENTRIES = 'points_entries'
export const BALANCES = 'points_balances'

export const repo = repository('points')
