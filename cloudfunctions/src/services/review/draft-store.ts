/**
 * Where AI drafts are kept (review's repository module for them): the cached draft per submission version with the
 * teachers it was shown to, the per-day token counter, and the two reads a prompt needs from review's own collections
 * (the teacher's phrases, the member's earlier comments). Every write is keyed or conditional, so racing requests make
 * one model call.
 */
import type { AiUsageDoc, DraftDoc } from '../../domain/review/draft-prompt'
import { aiUsageId } from '../../domain/review/draft-prompt'
import type { ServedDraft } from '../../domain/review/draft-use'
import { phrasesDocId } from '../../domain/review'
import { isDuplicateKey } from '../../shared/db'
import { command, repository } from '../../shared/repository'

const DRAFTS = 'review_drafts'
const AI_USAGE = 'review_ai_usage'
const REVIEWS = 'reviews'
const PHRASES = 'review_phrases'

const repo = repository('review')

export const getDraft = (id: string): Promise<DraftDoc | null> => repo.get(DRAFTS, id)

/** Inserts the claim; false when another request inserted it first (its `_id` is the key). */
export async function claimDraft(claim: DraftDoc): Promise<boolean> {
  try {
    await repo.col(DRAFTS).add({ data: claim })
    return true
  } catch (err) {
    if (isDuplicateKey(err)) return false
    throw err
  }
}

/** Takes over an abandoned claim or a failure due for retry: a conditional update on what was read. */
export async function reclaimDraft(seen: Pick<DraftDoc, '_id' | 'status' | 'claimedAt'>, now: number): Promise<boolean> {
  const res = await repo
    .col(DRAFTS)
    .where({ _id: seen._id, status: seen.status, claimedAt: seen.claimedAt })
    .update({ data: { status: 'drafting', claimedAt: now, failure: null, doneAt: null } })
  return res.stats.updated === 1
}

/** Records that a ready draft's text was shown to `teacherId` (`_.addToSet`: racing opens add them once). */
export async function markServed(id: string, teacherId: string): Promise<void> {
  const _ = command()
  await repo
    .col(DRAFTS)
    .doc(id)
    .update({ data: { servedTo: _.addToSet(teacherId) } })
}

/** A check-in's drafts (any version) shown to `teacherId` (index checkin; a few per check-in: one per version). */
export async function draftsServedTo(checkinId: string, teacherId: string): Promise<ServedDraft[]> {
  const res = await repo
    .col(DRAFTS)
    .where({ checkinId, servedTo: teacherId })
    .limit(20)
    .field({ status: true, text: true, servedTo: true })
    .get()
  return res.data
}

/** Settles our claim (only while it is still ours: same claimedAt, still drafting). */
export async function settleDraft(
  id: string,
  claimedAt: number,
  outcome: Pick<DraftDoc, 'status' | 'text' | 'tokens' | 'failure' | 'doneAt' | 'servedTo' | 'reserved'>,
): Promise<void> {
  await repo.col(DRAFTS).where({ _id: id, status: 'drafting', claimedAt }).update({ data: outcome })
}

/**
 * Reserves `estimate` of `day`'s `budget` before a model call (AiUsageDoc): a conditional `_.inc` that updates only
 * while the reservation fits; the day's first call creates the counter holding it. False when it does not fit.
 */
export async function reserveTokens(day: string, estimate: number, budget: number): Promise<boolean> {
  if (estimate > budget) return false
  const _ = command()
  const id = aiUsageId(day)
  const take = async () =>
    (
      await repo
        .col(AI_USAGE)
        .where({ _id: id, tokens: _.lte(budget - estimate) })
        .update({ data: { tokens: _.inc(estimate) } })
    ).stats.updated === 1
  if (await take()) return true
  // Nothing updated: the day is too full, or it has no counter yet (then this reservation creates it).
  const first: AiUsageDoc = { _id: id, day, tokens: estimate, calls: 0 }
  try {
    await repo.col(AI_USAGE).add({ data: first })
    return true
  } catch (err) {
    // The counter exists (another call created it meanwhile, or it is full): try the conditional update once more.
    if (!isDuplicateKey(err)) throw err
    return take()
  }
}

/** Settles a reservation: the answer's reported tokens replace the estimate (`_.inc` of the difference), one more call. */
export async function settleTokens(day: string, reserved: number, used: number): Promise<void> {
  const _ = command()
  await repo
    .col(AI_USAGE)
    .doc(aiUsageId(day))
    .update({ data: { tokens: _.inc(used - reserved), calls: _.inc(1) } })
}

/** Gives a failed call's reservation back (a call that never answered used nothing we are told of). */
export async function releaseTokens(day: string, reserved: number): Promise<void> {
  const _ = command()
  await repo
    .col(AI_USAGE)
    .doc(aiUsageId(day))
    .update({ data: { tokens: _.inc(-reserved) } })
}

export async function phrasesOf(teacherId: string): Promise<string[]> {
  return (await repo.get(PHRASES, phrasesDocId(teacherId)))?.phrases ?? []
}

/** The member's latest review comments (index member_reviewed), newest first, empty ones skipped. */
export async function earlierComments(memberId: string, excludeCheckinId: string, limit: number): Promise<string[]> {
  const res = await repo
    .col(REVIEWS)
    .where({ memberId })
    .orderBy('reviewedAt', 'desc')
    .limit(limit + 2)
    .field({ comment: true, checkinId: true })
    .get()
  return res.data
    .filter((r) => r.checkinId !== excludeCheckinId && r.comment.trim())
    .map((r) => r.comment)
    .slice(0, limit)
}
