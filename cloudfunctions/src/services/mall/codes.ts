/**
 * Importing redemption codes. A code is unique per item for its whole life: besides the unissued codes on the stock
 * shards, every code ever imported for the item is kept in a ledger (`mall_code_ledger/{itemId}~{h}`, the code's hash
 * picks one of a few docs), which redemptions never touch. The import reads the shards and the ledger docs its codes
 * hash to and writes both in ONE transaction, so an issued code (gone from the shards, kept in the ledger) is reported
 * as a duplicate instead of going back into stock, two racing imports of one code conflict and the retry sees it, and
 * a crash leaves either everything or nothing (a retry is safe).
 */
import { reject, type Rejection } from '../../domain/kernel'
import { TxAbort, withTransaction, type Tx } from '../../shared/db'
import { readShards, writeShards } from './items'
import { CODE_LEDGER, dealCodes, ITEMS, repo } from './store'
import type { AddCodesResult } from '../../contracts/results'

export const LEDGER_SHARDS = 8
const MAX_POOL = 5000

export interface LedgerDoc {
  _id: string
  itemId: string
  h: number
  codes: string[]
}

/** FNV-1a over the code, so a code always lands in the same ledger doc. */
export function ledgerShardOf(code: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193) >>> 0
  return h % LEDGER_SHARDS
}

const ledgerId = (itemId: string, h: number) => `${itemId}~${h}`

async function readLedger(tx: Tx, itemId: string, codes: readonly string[]): Promise<Map<number, LedgerDoc>> {
  const docs = new Map<number, LedgerDoc>()
  for (const h of [...new Set(codes.map(ledgerShardOf))].sort((a, b) => a - b)) {
    const doc = await repo.getIn(tx, CODE_LEDGER, ledgerId(itemId, h))
    docs.set(h, doc ?? { _id: ledgerId(itemId, h), itemId, h, codes: [] })
  }
  return docs
}

/** Adds codes to the pool of the code item that uses `poolId`; codes the item ever had are reported, not added. */
export async function addCodes(poolId: string, codes: string[]): Promise<AddCodesResult | Rejection> {
  const found = await repo.col(ITEMS).where({ kind: 'code', codePoolId: poolId }).limit(2).get()
  const items = found.data
  if (items.length !== 1) return reject('MALL.POOL_NOT_FOUND', items.length ? '多个商品使用同一兑换码池' : '兑换码池不存在')
  const item = items[0]
  const unique = [...new Set(codes)]
  return withTransaction<AddCodesResult | Rejection>(async (tx) => {
    const shards = await readShards(tx, item)
    const ledger = await readLedger(tx, item._id, unique)
    // The shards cover codes imported before the ledger existed.
    const known = new Set([...shards.flatMap((s) => s.codes ?? []), ...[...ledger.values()].flatMap((d) => d.codes)])
    const fresh = unique.filter((c) => !known.has(c))
    const duplicates = unique.filter((c) => known.has(c))
    const pooled = shards.reduce((n, s) => n + (s.codes?.length ?? 0), 0)
    if (pooled + fresh.length > MAX_POOL) throw new TxAbort<Rejection>(reject('MALL.POOL_FULL', `每个兑换码池最多 ${MAX_POOL} 个码`))
    if (fresh.length === 0) return { added: 0, duplicates, stock: shards.reduce((s, x) => s + x.stock, 0) }
    const next = dealCodes(shards, fresh)
    await writeShards(tx, next)
    for (const code of fresh) ledger.get(ledgerShardOf(code))!.codes.push(code)
    for (const { _id, ...fields } of ledger.values()) {
      if (fresh.some((c) => ledgerShardOf(c) === fields.h)) await repo.inTx(tx, CODE_LEDGER).doc(_id).set({ data: fields })
    }
    return { added: fresh.length, duplicates, stock: next.reduce((s, x) => s + x.stock, 0) }
  })
}
