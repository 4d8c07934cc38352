/**
 * AI-drafted comments. A draft is written once per submission version (the first request claims the cached draft by
 * key; racing requests read that claim instead of calling the model again), counted against the environment's
 * per-day token budget (Asia/Shanghai business day: an estimate reserved with a conditional `_.inc` before the call,
 * settled to the usage the model reports after it, given back when it fails), and checked with
 * msgSecCheck before anyone sees it: only a draft that passes is kept and shown. Whenever there is no draft — model
 * off, slow, failing, out of budget, withheld — the page gets the teacher's own phrases and the reason. Nothing here
 * reaches a member: the teacher's submit does.
 *
 * A draft shown to a teacher records them on it (`servedTo`, before the text is answered; prefetching shows nothing
 * and records no one): the submit counts a review as started from a draft only against that (domain/review/draft-use.ts).
 */
import type { DraftView, PrefetchDraftsView, ReviewOpenView } from '../../contracts/review-views'
import { businessDay } from '../../domain/business-day'
import { rejectCamp, type CampRejection } from '../../domain/camp'
import { checkinIdParts, type QueueCursor, type QueueFilter, type ReviewRejection } from '../../domain/review'
import {
  cleanDraft,
  dailyTokenBudget,
  DRAFT_LABEL,
  DRAFT_MAX_TOKENS,
  draftId,
  draftPrompt,
  draftTokenEstimate,
  DRAFT_IMAGE_URL_SECONDS,
  FALLBACK_LABEL,
  fallbackOfFailure,
  MAX_DRAFT_IMAGES,
  MAX_EARLIER_COMMENTS,
  newDraftClaim,
  reclaimable,
  type DraftDoc,
  type DraftFallbackReason,
} from '../../domain/review/draft-prompt'
import { DEFAULT_AI_MODEL, generateText, readsImages } from '../../shared/ai'
import { tempUrls } from '../../shared/storage'
import { draftSourceOf, type DraftSource } from '../camp/draft-lookups'
import { checkComment } from './comment-check'
import {
  claimDraft,
  earlierComments,
  getDraft,
  markServed,
  phrasesOf,
  reclaimDraft,
  releaseTokens,
  reserveTokens,
  settleDraft,
  settleTokens,
} from './draft-store'
import { openReview } from './open'
import { queuePage } from './queue'

/** The model gets this long; the function's own timeout (config.json) leaves room for the checks around it. */
export const DRAFT_TIMEOUT_MS = 6_000

type Refusal = ReviewRejection | CampRejection

const phrasesView = (reason: DraftFallbackReason, phrases: string[]): DraftView => ({
  state: 'phrases',
  reason,
  label: FALLBACK_LABEL[reason],
  phrases,
})

function answerOf(d: DraftDoc, phrases: string[]): DraftView {
  if (d.status === 'ready') return { state: 'draft', text: d.text, label: DRAFT_LABEL, phrases }
  if (d.status === 'withheld') return phrasesView('withheld', phrases)
  if (d.status === 'drafting') return phrasesView('drafting', phrases)
  return phrasesView(fallbackOfFailure(d.failure), phrases)
}

interface Subject {
  openid: string
  view: ReviewOpenView
  source: DraftSource
  phrases: string[]
  /** Whether the text goes to the teacher's screen (the `draft` action) or only gets prepared (prefetch). */
  serve: boolean
}

/** A stored draft's answer; a ready one shown to a teacher not yet on it records them first. */
async function answerStored(s: Subject, d: DraftDoc): Promise<DraftView> {
  if (s.serve && d.status === 'ready' && !(d.servedTo ?? []).includes(s.openid)) await markServed(d._id, s.openid)
  return answerOf(d, s.phrases)
}

/**
 * Temporary links to the submission's first (sealed) photos for a model that reads images; none for a text model,
 * and none — text only — when storage cannot give them.
 */
async function photoLinks(images: readonly string[]): Promise<string[]> {
  if (!images.length || !readsImages()) return []
  const wanted = images.slice(0, MAX_DRAFT_IMAGES)
  try {
    const urls = await tempUrls(wanted, DRAFT_IMAGE_URL_SECONDS)
    return wanted.map((f) => urls.get(f)).filter((u): u is string => !!u)
  } catch (err) {
    console.error('[review] draft photo links', err)
    return []
  }
}

/** The model call of a claimed draft, settled on its document whatever happens. */
async function write(s: Subject & { budget: number }, claim: Pick<DraftDoc, '_id' | 'claimedAt'>, now: number): Promise<DraftView> {
  const { view, source, phrases } = s
  const [earlier, images] = await Promise.all([
    earlierComments(view.item.member.id, view.item.id, MAX_EARLIER_COMMENTS),
    photoLinks(view.content.images),
  ])
  const prompt = draftPrompt({
    task: source.task,
    dayIndex: view.item.dayIndex,
    memberName: view.item.member.nickname,
    text: view.content.text,
    imageCount: view.content.images.length,
    imagesAttached: images.length,
    voiceSec: view.content.voice?.durationSec ?? null,
    currentStreak: view.currentStreak,
    earlierComments: earlier,
    phrases,
    teacherName: '',
  })
  // Reserved before the call, settled after it (AiUsageDoc): parallel calls cannot take the day past its budget.
  const day = businessDay(now)
  const estimate = draftTokenEstimate(prompt, DRAFT_MAX_TOKENS, images.length)
  const reserved = await reserveTokens(day, estimate, s.budget)
  const settle = (o: Pick<DraftDoc, 'status' | 'text' | 'tokens' | 'failure' | 'servedTo'>) =>
    settleDraft(claim._id, claim.claimedAt, { ...o, reserved: reserved ? estimate : 0, doneAt: now })
  if (!reserved) {
    await settle({ status: 'failed', text: '', tokens: 0, failure: 'budget' })
    return phrasesView('budget', phrases)
  }
  const out = await generateText({ ...prompt, images, timeoutMs: DRAFT_TIMEOUT_MS, maxTokens: DRAFT_MAX_TOKENS })
  if ('failed' in out) {
    // A model that failed used nothing; one that timed out may still answer (and bill): its estimate stays counted.
    if (out.failed !== 'timeout') await releaseTokens(day, estimate)
    await settle({ status: 'failed', text: '', tokens: 0, failure: out.failed })
    return phrasesView(fallbackOfFailure(out.failed), phrases)
  }
  const tokens = out.usage.total_tokens
  await settleTokens(day, estimate, tokens)
  const text = cleanDraft(out.text)
  if (!text) {
    await settle({ status: 'failed', text: '', tokens, failure: 'empty' })
    return phrasesView('error', phrases)
  }
  // Only a draft content security passes is kept: a risky (or doubtful) one is never shown, nor stored.
  if ((await checkComment(s.openid, text)) !== 'pass') {
    await settle({ status: 'withheld', text: '', tokens, failure: null })
    return phrasesView('withheld', phrases)
  }
  await settle({ status: 'ready', text, tokens, failure: null, servedTo: s.serve ? [s.openid] : [] })
  return { state: 'draft', text, label: DRAFT_LABEL, phrases }
}

async function draftOf(s: Subject, now: number): Promise<DraftView> {
  const { view, source, phrases } = s
  if (view.review) return phrasesView('reviewed', phrases)
  const budget = dailyTokenBudget(process.env.CAMP_AI_DAILY_TOKENS)
  if (budget === 0) return phrasesView('off', phrases)
  const id = draftId(view.item.id, source.round, source.editedAt)
  const cached = await getDraft(id)
  if (cached && !reclaimable(cached, now)) return answerStored(s, cached)
  const model = process.env.CAMP_AI_MODEL || DEFAULT_AI_MODEL
  const claim = cached ?? newDraftClaim(view.item.id, source.round, source.editedAt, model, now)
  const won = cached ? await reclaimDraft(cached, now) : await claimDraft(claim)
  if (!won) {
    // Another request claimed it first: answer what it has (drafting, or its result if it finished).
    const theirs = await getDraft(id)
    return theirs ? answerStored(s, theirs) : phrasesView('drafting', phrases)
  }
  return write({ ...s, budget }, { _id: id, claimedAt: now }, now)
}

/** The draft for one submission the caller may review (the same check as `open`); `serve` = it is shown to them. */
export async function draftFor(openid: string, checkinId: string, now: number, serve = true): Promise<DraftView | Refusal> {
  const parts = checkinIdParts(checkinId)
  if (!parts) return rejectCamp('CAMP.CHECKIN_NOT_FOUND')
  const [view, source, phrases] = await Promise.all([
    // Only the draft of the item on screen (`serve`) opens it; one prepared ahead leaves the teacher's lease alone.
    openReview(openid, checkinId, now, serve),
    draftSourceOf(parts.periodId, checkinId),
    phrasesOf(openid),
  ])
  if (!('item' in view)) return view
  if (!source) return rejectCamp('CAMP.CHECKIN_NOT_FOUND')
  return draftOf({ openid, view, source, phrases, serve }, now)
}

/** Drafts for the next `count` queue items after `after` (bounded by the request schema), prepared in parallel. */
export async function prefetchDrafts(
  openid: string,
  filter: QueueFilter,
  after: QueueCursor,
  count: number,
  now: number,
): Promise<PrefetchDraftsView | Refusal> {
  const page = await queuePage(openid, filter, after, count, now)
  if (!('items' in page)) return page
  const items = page.items.filter((i) => i.id !== after.id).slice(0, count)
  const drafts = await Promise.all(items.map((i) => draftFor(openid, i.id, now, false)))
  return {
    items: items.map((i, k) => {
      const d = drafts[k]
      return { checkinId: i.id, state: 'state' in d ? d.state : 'refused' }
    }),
  }
}
