import { ReviewRequest } from '../../contracts/review'
import type { ReviewResults } from '../../contracts/review-views'
import { now } from '../../shared/clock'
import { actionsFrom, defineFunction } from '../../shared/handler'
import { timerJobs } from '../../shared/timer-dispatch'
import { featureCheckin, moderateCheckin } from '../../services/review/curate'
import { dealAll, distribution, reassignItem, rebalance, setAway } from '../../services/review/distribution'
import { draftFor, prefetchDrafts } from '../../services/review/drafts'
import { nextItem } from '../../services/review/next'
import { openReview } from '../../services/review/open'
import { addPhraseOf, listPhrases, removePhraseOf, reorderPhrasesOf, updatePhraseOf } from '../../services/review/phrases'
import { queuePage } from '../../services/review/queue'
import { allSla, mySla } from '../../services/review/sla'
import { allTeacherStats, myStats } from '../../services/review/stats'
import { writeReview } from '../../services/review/submit'

/**
 * Teacher review. No handler-level `roles`: every use case reads the caller's member record once (roles AND the
 * nickname stored on reviews) and checks it with the shared policy (domain/review/access.ts), which also answers
 * REVIEW.NOT_TEACHER / REVIEW.NOT_ASSIGNED in review's own words.
 */
export const main = defineFunction(
  actionsFrom<typeof ReviewRequest, ReviewResults>(ReviewRequest, {
    queue: {
      run: async ({ kind, periodId, day, assignee, cursor, limit }, { who }) =>
        queuePage(who.openid, { kind, periodId, day, assignee }, cursor ?? null, limit, now()),
    },
    next: {
      run: async ({ kind, periodId, day, assignee, after }, { who }) =>
        nextItem(who.openid, { kind, periodId, day, assignee }, after, now()),
    },
    open: { run: async ({ checkinId }, { who }) => openReview(who.openid, checkinId, now()) },
    submitReview: { run: async (request, { who }) => writeReview(who.openid, request, now()) },
    editReview: { run: async (request, { who }) => writeReview(who.openid, request, now()) },
    returnForRedo: { run: async (request, { who }) => writeReview(who.openid, request, now()) },
    feature: { run: async ({ checkinId, featured }, { who }) => featureCheckin(who.openid, checkinId, featured, now()) },
    moderate: { run: async ({ checkinId, decision }, { who }) => moderateCheckin(who.openid, checkinId, decision, now()) },
    stats: { run: async ({ day }, { who }) => myStats(who.openid, day, now()) },
    statsAll: { run: async ({ day, limit }, { who }) => allTeacherStats(who.openid, day, limit, now()) },
    sla: { run: async ({ from, to, lastDays }, { who }) => mySla(who.openid, { from, to, lastDays }, now()) },
    slaAll: { run: async ({ from, to, lastDays, page }, { who }) => allSla(who.openid, { from, to, lastDays, page }, now()) },
    listPhrases: { run: async (_input, { who }) => listPhrases(who.openid) },
    addPhrase: { run: async ({ text, position }, { who }) => addPhraseOf(who.openid, text, position, now()) },
    updatePhrase: { run: async ({ from, to }, { who }) => updatePhraseOf(who.openid, from, to, now()) },
    removePhrase: { run: async ({ text }, { who }) => removePhraseOf(who.openid, text, now()) },
    reorderPhrases: { run: async ({ phrases }, { who }) => reorderPhrasesOf(who.openid, phrases, now()) },
    draft: { run: async ({ checkinId }, { who }) => draftFor(who.openid, checkinId, now()) },
    prefetchDrafts: {
      run: async ({ kind, periodId, day, assignee, after, count }, { who }) =>
        prefetchDrafts(who.openid, { kind, periodId, day, assignee }, after, count, now()),
    },
    distribution: { run: async ({ periodId }, { who }) => distribution(who.openid, periodId, now()) },
    setAway: { run: async ({ periodId, teacherId, away }, { who }) => setAway(who.openid, periodId, teacherId, away, now()) },
    rebalance: { run: async ({ periodId }, { who }) => rebalance(who.openid, periodId, now()) },
    reassign: { run: async ({ checkinId, teacherId, force }, { who }) => reassignItem(who.openid, checkinId, teacherId, force, now()) },
  }),
  // Fair distribution: the pool is dealt and backlogs evened every minute (services/review/distribution.ts).
  { timer: timerJobs('review', { deal: () => dealAll(now()) }) },
)
