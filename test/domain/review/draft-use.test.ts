import { draftEditLabel, draftRateLabel, toReviewView, toStaffReviewView } from '@cloud/contracts/review-views'
import { planReview } from '@cloud/domain/review'
import { draftId } from '@cloud/domain/review/draft-prompt'
import { draftUseOf, editDistance, withDraftUse, type ServedDraft } from '@cloud/domain/review/draft-use'
import { input, makeCheckin, okOf, period, scope, sh, TEACHER, TEACHER2 } from './fixtures'

const checkin = makeCheckin()
const served = (overrides: Partial<ServedDraft> = {}): ServedDraft => ({
  _id: draftId(checkin._id, checkin.redoCount, checkin.editedAt),
  status: 'ready',
  text: '读得很流利，继续加油',
  servedTo: [TEACHER._id],
  ...overrides,
})

describe('edit distance', () => {
  it('should count inserted, deleted and replaced characters, a Chinese character or emoji as one', () => {
    expect(editDistance('读得很好', '读得很好')).toBe(0)
    expect(editDistance('', '加油')).toBe(2)
    expect(editDistance('加油', '')).toBe(2)
    expect(editDistance('读得很好', '读得真好')).toBe(1)
    expect(editDistance('读得很好', '读得很好！继续')).toBe(3)
    expect(editDistance('👍读得好', '读得好')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
  })
})

describe('draft use', () => {
  it('should count a draft of this version shown to this teacher, with the edit size', () => {
    expect(draftUseOf([served()], checkin, TEACHER._id, '读得很流利，继续加油')).toEqual({ used: true, editedChars: 0, draftChars: 10 })
    expect(draftUseOf([served()], checkin, TEACHER._id, '读得很流利，继续加油！')).toEqual({ used: true, editedChars: 1, draftChars: 10 })
  })

  it('should not count another teacher’s draft, an earlier version’s, or one not ready', () => {
    expect(draftUseOf([], checkin, TEACHER._id, 'x')).toEqual({ used: false })
    expect(draftUseOf([served()], checkin, TEACHER2._id, 'x')).toEqual({ used: false })
    expect(draftUseOf([served({ servedTo: undefined })], checkin, TEACHER._id, 'x')).toEqual({ used: false })
    expect(draftUseOf([served()], { ...checkin, editedAt: sh('2026-12-29 09:00') }, TEACHER._id, 'x')).toEqual({ used: false })
    expect(draftUseOf([served()], { ...checkin, redoCount: 1 }, TEACHER._id, 'x')).toEqual({ used: false })
    expect(draftUseOf([served({ status: 'withheld' })], checkin, TEACHER._id, 'x')).toEqual({ used: false })
  })

  it('should put the use on a created review and count `drafted` only when used', () => {
    const plan = okOf(planReview(checkin, scope(), TEACHER, input(), null, sh('2026-12-29 10:00')))
    const used = withDraftUse(plan, { used: true, editedChars: 2, draftChars: 10 })
    expect(used.review.draft).toEqual({ used: true, editedChars: 2, draftChars: 10 })
    expect(used.stats?.inc).toMatchObject({ drafted: 1, [`periods.${checkin.periodId}.drafted`]: 1, reviewed: 1 })
    expect(used.stats?.seed).toMatchObject({ reviewed: 1, drafted: 1, periods: { [checkin.periodId]: { reviewed: 1, drafted: 1 } } })
    const unused = withDraftUse(plan, { used: false })
    expect(unused.review.draft).toEqual({ used: false })
    expect(unused.stats).toEqual(plan.stats)
    expect(withDraftUse(plan, null)).toBe(plan)
    expect(plan.review.draft).toBeUndefined()
  })
})

describe('the audit views', () => {
  it('should label the edit size and the day’s adoption rate', () => {
    expect(draftEditLabel(0)).toBe('原样采用')
    expect(draftEditLabel(12)).toBe('改动 12 字')
    expect(draftRateLabel(0, 0)).toBe('草稿采用率 暂无')
    expect(draftRateLabel(1, 3)).toBe('草稿采用率 33%（1 / 3）')
    expect(draftRateLabel(0, 5)).toBe('草稿采用率 0%（0 / 5）')
  })

  it('should tag a used draft on the staff view only, never on the member’s', () => {
    const plan = okOf(planReview(checkin, scope(), TEACHER, input(), null, sh('2026-12-29 10:00')))
    const used = withDraftUse(plan, { used: true, editedChars: 0, draftChars: 10 }).review
    const at = sh('2026-12-29 11:00')
    expect(toStaffReviewView(used, checkin, period, TEACHER2._id, at).aiDraft).toEqual({ editedChars: 0, label: '原样采用' })
    expect(toReviewView(used, checkin, period, checkin.memberId, at)).not.toHaveProperty('aiDraft')
    const unused = withDraftUse(plan, { used: false }).review
    expect(toStaffReviewView(unused, checkin, period, TEACHER2._id, at)).not.toHaveProperty('aiDraft')
  })
})
