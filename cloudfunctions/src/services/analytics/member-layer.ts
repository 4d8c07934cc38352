/**
 * One member's layer record and the transition counters, changed together in one transaction: a transition is
 * counted exactly when the member's stored layer changes, so repeated or concurrent runs never count twice.
 */
import { applyActivity, pathKey, type ActivityFact } from '../../domain/analytics'
import { withTransaction, type Tx } from '../../shared/db'
import { LAYER_PATHS, MEMBER_LAYERS, PATHS_ID, repo } from './store'

export interface LayerPathsDoc {
  _id: string
  /** `{from}_{to}` → members who moved so (`none_L1` = first seen). */
  counts: Record<string, number>
  updatedAt: number
}

/** Inside the caller's transaction: folds the facts in; true when the stored layer rose. */
export async function applyFactsInTx(tx: Tx, memberId: string, facts: readonly ActivityFact[], now: number): Promise<boolean> {
  const current = await repo.getIn(tx, MEMBER_LAYERS, memberId)
  const change = applyActivity(current, facts)
  if (!change.changed) return false
  await repo
    .inTx(tx, MEMBER_LAYERS)
    .doc(memberId)
    .set({ data: { ...change.doc, updatedAt: now } })
  if (!change.lifted) return false
  const paths = await repo.getIn(tx, LAYER_PATHS, PATHS_ID)
  const key = pathKey(change.from, change.to)
  const counts = { ...(paths?.counts ?? {}), [key]: (paths?.counts?.[key] ?? 0) + 1 }
  await repo
    .inTx(tx, LAYER_PATHS)
    .doc(PATHS_ID)
    .set({ data: { counts, updatedAt: now } })
  return true
}

export const applyFacts = (memberId: string, facts: readonly ActivityFact[], now: number): Promise<boolean> =>
  withTransaction((tx) => applyFactsInTx(tx, memberId, facts, now))
