/**
 * Whether a submitted review started from an AI draft, decided by the server, never taken from the page's word.
 * The page says `fromDraft: true` when the comment in its editor came from the draft; the server then checks it
 * against the drafts it served and stores `review.draft`:
 *  - absent: the page did not say so (nothing is looked up: a review is hand-written unless proven otherwise);
 *  - `{ used: false }`: it said so, but no draft of this exact submission version (the check-in's round and edit,
 *    draftId) was served to this teacher — another teacher's draft, a draft of an earlier version, or none at all;
 *  - `{ used: true, editedChars, draftChars }`: it was. `editedChars` is the edit distance from the served draft to the
 *    submitted comment (characters inserted, deleted or replaced; 0 = accepted as is), `draftChars` the draft's length,
 *    so an audit can tell "accepted" from "rewritten" (similarity = 1 − editedChars / max(draftChars, comment length)).
 * A created review that used a draft also counts `drafted` in its teacher's day counters (stats-counter.ts).
 */
import type { CheckinDoc } from '../camp/model'
import { draftId, type DraftDoc } from './draft-prompt'
import type { ReviewPlan } from './plan-review'
import { applyStatsIncrement } from './stats-counter'

export type DraftUse = { used: false } | { used: true; editedChars: number; draftChars: number }

/** What a submit reads of the drafts served to its teacher. */
export type ServedDraft = Pick<DraftDoc, '_id' | 'status' | 'text' | 'servedTo'>

/** Levenshtein distance over Unicode code points (a Chinese character is one edit, as the teacher sees it). */
export function editDistance(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  if (x.length === 0) return y.length
  if (y.length === 0) return x.length
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const row = [i]
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1))
    }
    prev = row
  }
  return prev[y.length]
}

/** The draft use of a comment the page says started from a draft, against the drafts served to `teacherId`. */
export function draftUseOf(
  served: readonly ServedDraft[],
  checkin: Pick<CheckinDoc, '_id' | 'redoCount' | 'editedAt'>,
  teacherId: string,
  comment: string,
): DraftUse {
  const id = draftId(checkin._id, checkin.redoCount, checkin.editedAt)
  const d = served.find((s) => s._id === id && s.status === 'ready' && (s.servedTo ?? []).includes(teacherId))
  if (!d) return { used: false }
  return { used: true, editedChars: editDistance(d.text, comment), draftChars: [...d.text].length }
}

/** A created review's plan with its draft use: the field on the review and, when used, `drafted` on its counters. */
export function withDraftUse(plan: ReviewPlan, use: DraftUse | null): ReviewPlan {
  if (!use || plan.kind !== 'create') return plan
  const review = { ...plan.review, draft: use }
  if (!use.used || !plan.stats) return { ...plan, review }
  const extra = { drafted: 1, [`periods.${review.periodId}.drafted`]: 1 }
  const stats = { ...plan.stats, inc: { ...plan.stats.inc, ...extra }, seed: applyStatsIncrement(plan.stats.seed, extra) }
  return { ...plan, review, stats }
}
