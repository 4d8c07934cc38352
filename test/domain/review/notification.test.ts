import fc from 'fast-check'
import {
  fitThing,
  planReview,
  REVIEW_TEMPLATE_FIELDS,
  reviewNotification,
  subscribeDataProblems,
  subscribeTime,
  type ReviewDoc,
} from '@cloud/domain/review'
import { input, makeCheckin, okOf, scope, sh, TEACHER, voiceOf } from './fixtures'

const at = sh('2026-12-29 21:05')
const reviewOf = (over: Parameters<typeof input>[0] = {}): ReviewDoc =>
  okOf(planReview(makeCheckin(), scope(), TEACHER, input(over), null, at)).review
const f = REVIEW_TEMPLATE_FIELDS

describe('review notification', () => {
  it('should land on the member comment page of that day', () =>
    expect(reviewNotification(reviewOf(), '英语晨读打卡营', false).page).toBe(
      'features/review/pages/comment/index?periodId=period1&day=2026-12-29',
    ))

  it('should have one key per review, so a retried send goes out once', () => {
    const r = reviewOf()
    expect(reviewNotification(r, 'x', false).key).toBe(`notify:${r._id}`)
  })

  it('should show the time on the Shanghai clock', () => expect(subscribeTime(at)).toBe('2026年12月29日 21:05'))

  it('should say 请重做 for a return and 获精选 when featured', () => {
    expect(reviewNotification(reviewOf({ redoReason: '重读' }), 'x', false).data[f.status].value).toBe('请重做')
    expect(reviewNotification(reviewOf(), 'x', true).data[f.status].value).toBe('获精选')
  })

  it('should describe a voice-only review instead of sending an empty value', () => {
    const r = reviewOf({ comment: '', score: null, voice: { fileId: voiceOf(TEACHER._id), durationSec: 30 } })
    expect(reviewNotification(r, 'x', false).data[f.comment].value).toBe('老师给你发来了语音点评')
  })

  it('should cut long text to 20 characters ending with an ellipsis', () => {
    const value = fitThing('这是一段非常非常长的点评内容，一共超过了二十个字符的限制', 'x')
    expect([...value]).toHaveLength(20)
    expect(value.endsWith('…')).toBe(true)
  })

  it('should keep every field within the WeChat subscribe message limits for any text', () => {
    fc.assert(
      fc.property(
        fc.fullUnicodeString({ maxLength: 600 }),
        fc.fullUnicodeString({ maxLength: 40 }),
        fc.string({ maxLength: 30 }),
        (comment, title, name) => {
          const r = { ...reviewOf(), comment, reviewerName: name }
          expect(subscribeDataProblems(reviewNotification(r, title, false).data)).toEqual([])
        },
      ),
    )
  })

  it('should detect values WeChat would refuse', () =>
    expect(
      subscribeDataProblems({ thing1: { value: '一'.repeat(21) }, phrase2: { value: '审核中了吗' + '啊' }, thing3: { value: '' } }),
    ).toHaveLength(3))
})
