/**
 * How staff name one ledger entry without its `_id` (ids hold openids, which never reach a page): the entry's time
 * and a one-way tag of its id, `{at}.{tag}`. The server finds the entry among the member's entries of that
 * millisecond (index member_at_id) and keeps the one whose tag matches.
 */
import { hashTag } from '../identity/public-id'
import type { LedgerEntry } from './ledger'

const TAG_PREFIX = 'ledger-entry/v1:'
export const ENTRY_KEY_PATTERN = /^\d{1,15}\.[A-Za-z0-9_-]{12}$/

export const entryTagOf = (entryId: string): string => hashTag(TAG_PREFIX + entryId)

export const entryKeyOf = (entry: Pick<LedgerEntry, '_id' | 'at'>): string => `${entry.at}.${entryTagOf(entry._id)}`

export function parseEntryKey(key: string): { at: number; tag: string } | null {
  if (!ENTRY_KEY_PATTERN.test(key)) return null
  const [at, tag] = key.split('.')
  return { at: Number(at), tag }
}
