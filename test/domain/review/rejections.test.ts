import { planEdit } from '@cloud/domain/camp'
import {
  addPhrase,
  checkSubmit,
  claim,
  planFeature,
  planModeration,
  planReview,
  removePhrase,
  reorderPhrases,
  REVIEW_MESSAGES,
  slaRange,
  updatePhrase,
  type Assignable,
  type Presence,
  type ReviewCode,
} from '@cloud/domain/review'
import { ADMIN, applied, input, MEMBER_ACTOR, makeCheckin, okOf, period, scope, sh, TEACHER, TEACHER2, textOnly, voiceOf } from './fixtures'

const now = sh('2026-12-29 10:00')
const fresh = makeCheckin()
const won = okOf(planReview(fresh, scope(), TEACHER, input(), null, now))
const reviewed = applied(fresh, won.checkinPatch)
const returnedPlan = okOf(planReview(fresh, scope(), TEACHER, input({ redoReason: '请把第二段重读一遍' }), null, now))
const returned = applied(fresh, returnedPlan.checkinPatch)
const redone = applied(returned, okOf(planEdit(period, returned, returned.memberId, textOnly('重做了'), now + 60_000)).patch)
const review = (over: Parameters<typeof input>[0] = {}, c = fresh, actor = TEACHER) => planReview(c, scope(), actor, input(over), null, now)
const assigned = (over: Partial<Assignable> = {}): Assignable => ({ ...fresh, assigneeId: 'tA', lease: null, pinned: false, ...over })
const presenceOf = (teacherId: string): Presence => ({ _id: teacherId, teacherId, lastActiveAt: now, absent: false, holding: null })
const phrases = Array.from({ length: 30 }, (_, i) => `常用语 ${i}`)

const CASES: [ReviewCode, string, () => unknown][] = [
  ['REVIEW.NOT_REGISTERED', 'no caller', () => planReview(fresh, scope(), null, input(), null, now)],
  ['REVIEW.NOT_TEACHER', 'a member reviews', () => review({}, fresh, MEMBER_ACTOR)],
  ['REVIEW.NOT_ASSIGNED', 'a teacher of another period', () => review({}, fresh, { ...TEACHER, _id: 'oTeacher_9' })],
  ['REVIEW.ALREADY_REVIEWED', 'a second teacher after the first', () => planReview(reviewed, scope(), TEACHER2, input(), won.review, now)],
  ['REVIEW.NOT_FOUND', 'an edit of a review that does not exist', () => review({ edit: true })],
  [
    'REVIEW.NOT_AUTHOR',
    "an edit of another teacher's review",
    () => planReview(reviewed, scope(), TEACHER2, input({ edit: true }), won.review, now),
  ],
  [
    'REVIEW.EDIT_WINDOW_PASSED',
    'an edit the next day',
    () => planReview(reviewed, scope(), TEACHER, input({ edit: true }), won.review, sh('2026-12-30 00:00')),
  ],
  [
    'REVIEW.STALE',
    'an edit after the check-in moved on',
    () => planReview(fresh, scope(), TEACHER, input({ edit: true }), won.review, now),
  ],
  ['REVIEW.NOT_REVIEWABLE', 'a make-up', () => review({}, { ...fresh, makeup: true, reviewStatus: 'none' })],
  ['REVIEW.AWAITING_REDO', 'a check-in returned and not redone', () => review({}, returned)],
  ['REVIEW.PERIOD_CLOSED', 'a closed period', () => planReview(fresh, scope({ ...period, status: 'closed' }), TEACHER, input(), null, now)],
  ['REVIEW.CONTENT_BLOCKED', 'content moderation rejected', () => review({}, { ...fresh, moderation: 'risky' })],
  ['REVIEW.INVALID_SCORE', 'a grade on a star camp', () => review({ score: 'A' })],
  ['REVIEW.EMPTY', 'no text, voice or score', () => review({ comment: '  ', score: null })],
  ['REVIEW.COMMENT_TOO_LONG', '501 characters', () => review({ comment: '好'.repeat(501) })],
  ['REVIEW.COMMENT_RISKY', 'a comment msgSecCheck calls risky', () => review({ commentVerdict: 'risky' })],
  ['REVIEW.VOICE_INVALID', 'a zero-second voice', () => review({ voice: { fileId: voiceOf(TEACHER._id), durationSec: 0 } })],
  ['REVIEW.VOICE_TOO_LONG', 'a 61-second voice', () => review({ voice: { fileId: voiceOf(TEACHER._id), durationSec: 61 } })],
  ['REVIEW.FOREIGN_FILE', "another teacher's recording", () => review({ voice: { fileId: voiceOf(TEACHER2._id), durationSec: 5 } })],
  [
    'REVIEW.TOO_MANY_IMAGES',
    'ten annotated photos',
    () => review({ annotatedImages: Array.from({ length: 10 }, (_, i) => voiceOf(TEACHER._id, `a${i}.png`)) }),
  ],
  ['REVIEW.FOREIGN_IMAGE', "another teacher's annotated photo", () => review({ annotatedImages: [voiceOf(TEACHER2._id, 'a.png')] })],
  ['REVIEW.REDO_REASON_REQUIRED', 'a blank reason', () => review({ redoReason: '   ' })],
  ['REVIEW.REDO_REASON_TOO_LONG', 'a 101-character reason', () => review({ redoReason: '重'.repeat(101) })],
  ['REVIEW.REDO_LIMIT', 'a second return after the redo', () => review({ redoReason: '再来一次' }, redone)],
  ['REVIEW.FEATURE_RETURNED', 'featuring while returning', () => review({ featured: true, redoReason: '重做' })],
  ['REVIEW.NOT_FEATURABLE', 'featuring content still under review', () => review({ featured: true }, { ...fresh, moderation: 'review' })],
  ['REVIEW.NOT_FLAGGED', 'moderating content that passed', () => planModeration(fresh, period, TEACHER, 'pass', now)],
  ['REVIEW.PHRASE_EMPTY', 'a blank phrase', () => addPhrase([], ' ')],
  ['REVIEW.PHRASE_TOO_LONG', 'a 101-character phrase', () => addPhrase([], '好'.repeat(101))],
  ['REVIEW.PHRASE_LIMIT', 'a 31st phrase', () => addPhrase(phrases, '新的')],
  ['REVIEW.PHRASE_DUPLICATE', 'the same phrase twice', () => addPhrase(['很棒'], ' 很棒 ')],
  ['REVIEW.PHRASE_NOT_FOUND', 'removing a missing phrase', () => removePhrase(['很棒'], '加油')],
  ['REVIEW.PHRASE_ORDER_INVALID', 'a stale order', () => reorderPhrases(['a', 'b'], ['a', 'c'])],
  [
    'REVIEW.LEASED',
    "submitting while another teacher's lease is live",
    () => checkSubmit(assigned({ lease: { holder: 'tB', until: now + 1 } }), 'tA', now),
  ],
  ['REVIEW.NOT_YOURS', "claiming a present colleague's item", () => claim(assigned(), presenceOf('tB'), presenceOf('tA'), now)],
  [
    'REVIEW.NOT_WAITING',
    'claiming a reviewed item',
    () => claim(assigned({ reviewStatus: 'reviewed' }), presenceOf('tA'), presenceOf('tA'), now),
  ],
  ['REVIEW.SLA_RANGE', 'an SLA range of 32 days', () => slaRange('2026-11-28', '2026-12-29', '2026-12-29')],
]

describe('review rejections', () => {
  it.each(CASES)('should answer %s for %s', (code, _what, run) => {
    const result = run()
    expect(result).toEqual(expect.objectContaining({ ok: false, code, message: expect.any(String) }))
  })

  it('should have a case for every code', () => {
    expect(CASES.map(([c]) => c).sort()).toEqual((Object.keys(REVIEW_MESSAGES) as ReviewCode[]).sort())
  })

  it('should give every code a Chinese message', () => {
    for (const message of Object.values(REVIEW_MESSAGES)) expect(message).toMatch(/\p{Script=Han}/u)
  })

  it('should let an admin feature, but not a teacher of another team', () => {
    const teamed = { ...period, teacherTeams: { [TEACHER._id]: ['team-a'] } }
    expect(planFeature({ ...fresh, teamId: 'team-b' }, teamed, TEACHER, true, now)).toMatchObject({ code: 'REVIEW.NOT_ASSIGNED' })
    expect(planFeature({ ...fresh, teamId: 'team-b' }, teamed, ADMIN, true, now).ok).toBe(true)
  })

  it('should refuse renaming a phrase into an existing one', () =>
    expect(updatePhrase(['a', 'b'], 'a', 'b')).toMatchObject({ code: 'REVIEW.PHRASE_DUPLICATE' }))
})
