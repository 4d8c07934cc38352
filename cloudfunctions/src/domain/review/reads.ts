import type { ReviewDoc } from './model'

/**
 * Which reviews a member has not seen yet. A read mark (`review_reads/{reviewId}`) records the version of the review the
 * member was shown; a teacher editing the comment afterwards makes it unread again. Only the latest round of a
 * check-in counts: a redo's review replaces the one that asked for the redo on every member screen.
 */
export interface ReadMarkDoc {
  /** The review's `_id`. */
  _id: string
  memberId: string
  periodId: string
  /** `editedAt ?? reviewedAt` of the review when the member saw it. */
  seenVersion: number
  seenAt: number
}

export type UnreadSource = Pick<ReviewDoc, '_id' | 'checkinId' | 'round' | 'reviewedAt' | 'editedAt'>

export const reviewVersion = (r: Pick<ReviewDoc, 'reviewedAt' | 'editedAt'>): number => r.editedAt ?? r.reviewedAt

/** The highest round of each check-in, in the order the check-ins first appear. */
export function latestRounds<T extends UnreadSource>(reviews: readonly T[]): T[] {
  const latest = new Map<string, T>()
  for (const r of reviews) {
    const seen = latest.get(r.checkinId)
    if (!seen || r.round > seen.round) latest.set(r.checkinId, r)
  }
  return [...latest.values()]
}

export function isUnread(r: UnreadSource, mark: Pick<ReadMarkDoc, 'seenVersion'> | undefined): boolean {
  return !mark || mark.seenVersion < reviewVersion(r)
}

/** The latest round of every check-in whose review the member has not seen in its current version, newest first. */
export function unreadReviews<T extends UnreadSource>(
  reviews: readonly T[],
  marks: ReadonlyMap<string, Pick<ReadMarkDoc, 'seenVersion'>>,
): T[] {
  return latestRounds(reviews)
    .filter((r) => isUnread(r, marks.get(r._id)))
    .sort((a, b) => reviewVersion(b) - reviewVersion(a))
}

/** The mark that records the member saw `r` as it is now. */
export function readMarkOf(r: Pick<ReviewDoc, '_id' | 'memberId' | 'periodId' | 'reviewedAt' | 'editedAt'>, now: number): ReadMarkDoc {
  return { _id: r._id, memberId: r.memberId, periodId: r.periodId, seenVersion: reviewVersion(r), seenAt: now }
}
