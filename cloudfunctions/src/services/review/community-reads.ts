/** Reviews as the community feature (the learning report) reads them: by `_id`, never a scan. */
import { MAX_REDOS } from '../../domain/camp'
import { reviewId, type ReviewDoc } from '../../domain/review'
import { repo, REVIEWS } from './store'

/** Review rounds a check-in can have: the original and each resubmission after "return for redo". */
export const REVIEW_ROUNDS = Array.from({ length: MAX_REDOS + 1 }, (_, i) => i)

/** The reviews of these check-ins, every round (≤ 2 × 21 ids for a period: one request). */
export async function reviewsOfCheckins(checkinIds: readonly string[]): Promise<ReviewDoc[]> {
  if (checkinIds.length === 0) return []
  const found = await repo.byIds(
    REVIEWS,
    checkinIds.flatMap((c) => REVIEW_ROUNDS.map((r) => reviewId(c, r))),
  )
  return [...found.values()]
}
