/**
 * Entries that carry a record of what they paid for (schema/collections.ts `EntryAttachments`): the mall's redeem
 * entry holds its order under `order`, so a redemption inserts ONE document — the entry, keyed by the request's
 * idempotency key — instead of an order and an entry. The ledger's rules never read an attachment: balances,
 * history, audit, reconcile and expiry see the entry's own fields only, and the points views pick those fields, so an
 * attachment (an order holds the member's shipping address) is never sent to a client from here.
 *
 * An attachment is written with the entry (`addEntryInTx`) and afterwards only as a whole (`_.set`): the entry's own
 * fields (amount, at, balanceAfter…) are never touched once it is booked. `_.set` because `doc.update` flattens a nested
 * object into dot paths, which CloudBase refuses under a field that is null or a scalar (shared/whole-fields.ts).
 */
import type { EntryAttachments } from '../../schema/collections'
import type { LedgerEntry, PointsReason } from '../../domain/points'
import type { Tx } from '../../shared/db'
import { command } from '../../shared/repository'
import { updatedCount } from './ledger'
import { ENTRIES, repo } from './store'

export type AttachmentField = keyof EntryAttachments
/** An entry with attachment `F` present. */
export type Attached<F extends AttachmentField> = LedgerEntry & { [K in F]-?: NonNullable<EntryAttachments[K]> }

type Stored = LedgerEntry & EntryAttachments

const withField =
  <F extends AttachmentField>(field: F) =>
  (entry: Stored | null): entry is Attached<F> =>
    !!entry && entry[field] !== undefined && entry[field] !== null

/** The entry `entryId` read in `tx` if it carries attachment `field`, else null (one request). */
export async function attachedInTx<F extends AttachmentField>(tx: Tx, entryId: string, field: F): Promise<Attached<F> | null> {
  const entry = await repo.getIn(tx, ENTRIES, entryId)
  return withField(field)(entry) ? entry : null
}

/** The same outside a transaction (one request). */
export async function attachedOf<F extends AttachmentField>(entryId: string, field: F): Promise<Attached<F> | null> {
  const entry = await repo.get(ENTRIES, entryId)
  return withField(field)(entry) ? entry : null
}

/** Replaces attachment `field` of entry `entryId` in `tx`, whole, and nothing else of the entry (one request). */
export async function setAttachmentInTx<F extends AttachmentField>(
  tx: Tx,
  entryId: string,
  field: F,
  value: NonNullable<EntryAttachments[F]>,
): Promise<void> {
  const _ = command()
  await repo
    .inTx(tx, ENTRIES)
    .doc(entryId)
    .update({ data: { [field]: _.set(value) } })
}

/**
 * Attaches `value` to entry `entryId` only where the entry exists and has no `field` yet (one conditional update, no
 * transaction): true when it wrote. A second call, or one racing it, changes nothing — for a one-time copy of records
 * kept elsewhere before (the mall's legacy orders).
 */
export async function attachIfMissing<F extends AttachmentField>(
  entryId: string,
  field: F,
  value: NonNullable<EntryAttachments[F]>,
): Promise<boolean> {
  const _ = command()
  const res = await repo
    .col(ENTRIES)
    .where({ _id: entryId, [field]: _.exists(false) })
    .update({ data: { [field]: _.set(value) } })
  return updatedCount(res) === 1
}

export interface AttachedFilter {
  reason: PointsReason
  memberId?: string
  /** Equality on fields of the attachment (`{ status: 'pending' }` matches `order.status`). */
  where?: Record<string, string | number | boolean>
  /** Entries booked strictly before (`lt`) or after (`gt`) this epoch ms. */
  at?: { lt: number } | { gt: number }
}

/**
 * Entries of one reason carrying attachment `field`, by `at` (one query; the manifest's indexes on points_entries
 * start with `memberId` / `reason`, then the attachment's filtered fields, and end with `at`). An entry of that
 * reason without the attachment (a redeem entry whose legacy order is not copied yet) is not matched.
 */
export async function attachedPage<F extends AttachmentField>(
  field: F,
  filter: AttachedFilter,
  order: 'asc' | 'desc',
  limit: number,
): Promise<Attached<F>[]> {
  const _ = command()
  const where: Record<string, unknown> = {}
  if (filter.memberId !== undefined) where.memberId = filter.memberId
  where.reason = filter.reason
  where[field] = _.exists(true)
  for (const [k, v] of Object.entries(filter.where ?? {})) where[`${field}.${k}`] = v
  if (filter.at) where.at = 'lt' in filter.at ? _.lt(filter.at.lt) : _.gt(filter.at.gt)
  const res = await repo.col(ENTRIES).where(where).orderBy('at', order).limit(limit).get()
  return res.data.filter(withField(field))
}
