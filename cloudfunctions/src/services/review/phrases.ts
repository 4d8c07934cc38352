/**
 * A teacher's quick phrases: one document `phrases:{teacherId}`. Changes are a conditional update on the `updatedAt`
 * read (always moved forward), retried a few times, so two open pages never overwrite each other.
 */
import type { PhrasesView } from '../../contracts/review-views'
import {
  addPhrase,
  emptyPhrases,
  phrasesDocId,
  removePhrase,
  reorderPhrases,
  updatePhrase,
  type PhrasesResult,
  type ReviewRejection,
} from '../../domain/review'
import { TxConflict, isDuplicateKey } from '../../shared/db'
import { loadStaff, repo, REVIEW_PHRASES } from './store'

const ATTEMPTS = 5

export async function listPhrases(openid: string): Promise<PhrasesView | ReviewRejection> {
  const actor = await loadStaff(openid)
  if ('ok' in actor) return actor
  const doc = await repo.get(REVIEW_PHRASES, phrasesDocId(actor._id))
  return { phrases: doc?.phrases ?? [] }
}

async function change(
  openid: string,
  op: (phrases: readonly string[]) => PhrasesResult,
  now: number,
): Promise<PhrasesView | ReviewRejection> {
  const actor = await loadStaff(openid)
  if ('ok' in actor) return actor
  const id = phrasesDocId(actor._id)
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const doc = await repo.get(REVIEW_PHRASES, id)
    const result = op(doc?.phrases ?? [])
    if (!result.ok) return result
    if (!doc) {
      try {
        await repo.col(REVIEW_PHRASES).add({ data: { ...emptyPhrases(actor._id, now), phrases: result.phrases } })
        return { phrases: result.phrases }
      } catch (err) {
        if (isDuplicateKey(err)) continue
        throw err
      }
    }
    const res = await repo
      .col(REVIEW_PHRASES)
      .where({ _id: id, updatedAt: doc.updatedAt })
      .update({ data: { phrases: result.phrases, updatedAt: Math.max(now, doc.updatedAt + 1) } })
    if (res.stats.updated === 1) return { phrases: result.phrases }
  }
  throw new TxConflict('phrases kept changing')
}

export const addPhraseOf = (openid: string, text: string, position: number | undefined, now: number) =>
  change(openid, (p) => addPhrase(p, text, position), now)
export const updatePhraseOf = (openid: string, from: string, to: string, now: number) =>
  change(openid, (p) => updatePhrase(p, from, to), now)
export const removePhraseOf = (openid: string, text: string, now: number) => change(openid, (p) => removePhrase(p, text), now)
export const reorderPhrasesOf = (openid: string, order: string[], now: number) => change(openid, (p) => reorderPhrases(p, order), now)
