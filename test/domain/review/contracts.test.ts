import {
  EditReviewRequest,
  QueueRequest,
  ReturnForRedoRequest,
  ReviewRequest,
  SubmitReviewRequest,
  toReviewInput,
} from '@cloud/contracts/review'
import { toQueueItemView, toReviewOpenView, toReviewView, toTeacherStatsView } from '@cloud/contracts/review-views'
import { planReview, readStats, summarizeBacklog } from '@cloud/domain/review'
import { input, makeCheckin, makeEnrollment, okOf, period, scope, sh, TEACHER, TEACHER2, voiceOf } from './fixtures'

const checkin = makeCheckin(sh('2026-12-29 08:00'))
const checkinId = checkin._id

describe('review contracts', () => {
  it('should fill defaults for a score-only review', () =>
    expect(SubmitReviewRequest.parse({ action: 'submitReview', checkinId, score: 5 })).toEqual({
      action: 'submitReview',
      checkinId,
      comment: '',
      voice: null,
      annotatedImages: [],
      score: 5,
    }))

  it('should take up to 9 annotated photos and refuse a tenth', () => {
    const photos = (n: number) => Array.from({ length: n }, (_, i) => voiceOf(TEACHER._id, `a${i}.png`))
    for (const action of ['submitReview', 'editReview'] as const)
      expect(ReviewRequest.safeParse({ action, checkinId, annotatedImages: photos(9) }).success).toBe(true)
    expect(ReturnForRedoRequest.safeParse({ action: 'returnForRedo', checkinId, reason: '重做', annotatedImages: photos(9) }).success).toBe(
      true,
    )
    expect(SubmitReviewRequest.safeParse({ action: 'submitReview', checkinId, annotatedImages: photos(10) }).success).toBe(false)
    expect(SubmitReviewRequest.safeParse({ action: 'submitReview', checkinId, annotatedImages: ['x'.repeat(600)] }).success).toBe(false)
  })

  it('should refuse a 501-character comment, a 61-second voice and a 6-star score', () => {
    expect(SubmitReviewRequest.safeParse({ action: 'submitReview', checkinId, comment: '好'.repeat(501) }).success).toBe(false)
    const voice = { fileId: voiceOf(TEACHER._id), durationSec: 61 }
    expect(SubmitReviewRequest.safeParse({ action: 'submitReview', checkinId, voice }).success).toBe(false)
    expect(SubmitReviewRequest.safeParse({ action: 'submitReview', checkinId, score: 6 }).success).toBe(false)
  })

  it('should refuse unknown fields such as a claimed reviewerId', () =>
    expect(SubmitReviewRequest.safeParse({ action: 'submitReview', checkinId, score: 5, reviewerId: 'oTeacher_2' }).success).toBe(false))

  it('should refuse a malformed check-in id', () =>
    expect(ReviewRequest.safeParse({ action: 'open', checkinId: 'checkin:x' }).success).toBe(false))

  it('should refuse a blank redo reason', () =>
    expect(ReturnForRedoRequest.safeParse({ action: 'returnForRedo', checkinId, reason: '  ' }).success).toBe(false))

  it("should default the queue to today's pending items, 20 per page", () =>
    expect(QueueRequest.parse({ action: 'queue' })).toEqual({ action: 'queue', kind: 'pending', day: 'today', limit: 20 }))

  it('should refuse a page of 51', () => expect(QueueRequest.safeParse({ action: 'queue', limit: 51 }).success).toBe(false))

  it('should turn a return-for-redo request into a review input with its reason', () => {
    const parsed = ReturnForRedoRequest.parse({ action: 'returnForRedo', checkinId, reason: '重读' })
    expect(toReviewInput(parsed, 'pass')).toMatchObject({ edit: false, redoReason: '重读', score: null })
  })

  it('should mark an edit request as an edit', () =>
    expect(toReviewInput(EditReviewRequest.parse({ action: 'editReview', checkinId, score: 3 }), 'pass')).toMatchObject({
      edit: true,
      redoReason: null,
    }))
})

describe('review views', () => {
  const now = sh('2026-12-29 10:00')
  const abc = okOf(planReview(checkin, scope(period, 'abc'), TEACHER, input({ score: 'A' }), null, now)).review

  it('should show the waited time on a queue item', () =>
    expect(toQueueItemView(checkin, undefined, '第 3 期 · 7 天', now)).toMatchObject({
      waitedMinutes: 120,
      waitedLabel: '2 小时',
      member: { nickname: '学员' },
    }))

  it('should label an A/B/C score in Chinese', () =>
    expect(toReviewView(abc, checkin, period, TEACHER._id, now).score).toEqual({ value: 'A', label: 'A · 优秀', short: 'A' }))

  it('should show the annotated photos, and none for a review stored before they existed', () => {
    const photo = 'cloud://env-1.x/sealed/pub/abc.png'
    expect(toReviewView({ ...abc, annotatedImages: [photo] }, checkin, period, TEACHER._id, now).annotatedImages).toEqual([photo])
    const { annotatedImages: _dropped, ...older } = abc
    expect(toReviewView(older, checkin, period, TEACHER._id, now).annotatedImages).toEqual([])
  })

  it('should let only the author edit, and only that day', () => {
    expect(toReviewView(abc, checkin, period, TEACHER._id, now).editable).toBe(true)
    expect(toReviewView(abc, checkin, period, TEACHER2._id, now).editable).toBe(false)
    expect(toReviewView(abc, checkin, period, TEACHER._id, sh('2026-12-30 00:00')).editable).toBe(false)
  })

  it("should open a check-in with the member's streak and their other days", () => {
    const older = makeCheckin(sh('2026-12-30 08:00'))
    const view = toReviewOpenView(
      checkin,
      period,
      'stars5',
      makeEnrollment(period, { bestStreak: 2 }),
      [checkin, older],
      null,
      undefined,
      TEACHER._id,
      now,
    )
    expect(view.history.map((h) => h.day)).toEqual(['2026-12-30'])
    expect(view.bestStreak).toBe(2)
    expect(view.scoreOptions.map((o) => o.label)).toEqual(['1 星', '2 星', '3 星', '4 星', '5 星'])
  })

  it('should merge counters and backlog per period in the stats view', () => {
    const view = toTeacherStatsView(
      readStats(null, TEACHER._id, '2026-12-29'),
      summarizeBacklog([{ periodId: 'period1', day: '2026-12-29', count: 7 }]),
      '王老师',
      new Map([['period1', '第 3 期 · 7 天']]),
    )
    expect(view).toMatchObject({
      backlog: 7,
      medianWaitLabel: '暂无数据',
      periods: [{ periodId: 'period1', title: '第 3 期 · 7 天', backlog: 7, reviewed: 0 }],
    })
  })
})
