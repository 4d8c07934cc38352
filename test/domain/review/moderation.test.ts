import { applyMediaVerdict, planEdit } from '@cloud/domain/camp'
import { planModeration } from '@cloud/domain/review'
import { applied, makeCheckin, okOf, period, sh, TEACHER, textOnly } from './fixtures'

const at = sh('2026-12-29 09:00')
const img = (n: string) => `cloud://env-1.6465-env-1-1300000000/checkins/oMember_001/period1/${n}`
const flagged = makeCheckin(sh('2026-12-29 08:00'), {
  moderation: 'review',
  textVerdict: 'review',
  mediaChecks: [
    { fileId: img('a.jpg'), verdict: 'pass', traceId: 't1' },
    { fileId: img('b.jpg'), verdict: 'review', traceId: 't2' },
  ],
})

describe('planModeration', () => {
  it('should make cleared content visible', () => {
    expect(okOf(planModeration(flagged, period, TEACHER, 'pass', at)).checkin.moderation).toBe('pass')
  })

  it('should keep the teacher decision when a late media callback arrives', () => {
    const cleared = okOf(planModeration(flagged, period, TEACHER, 'pass', at)).checkin
    expect(applyMediaVerdict(cleared, { traceId: 't1' }, 'pass')?.moderation).toBe('pass')
  })

  it('should stay pending while another file is still being checked', () => {
    const still = { ...flagged, mediaChecks: [...flagged.mediaChecks, { fileId: img('c.jpg'), verdict: 'pending' as const }] }
    expect(okOf(planModeration(still, period, TEACHER, 'pass', at)).checkin.moderation).toBe('pending')
  })

  it('should hide rejected content and return it so the member can redo once', () => {
    const plan = okOf(planModeration({ ...flagged, featured: true, featuredAt: at }, period, TEACHER, 'reject', at))
    expect(plan.checkinPatch).toMatchObject({ moderation: 'risky', reviewStatus: 'returned', featured: false })
    const redo = okOf(planEdit(period, plan.checkin, plan.checkin.memberId, textOnly('改好了'), sh('2026-12-30 10:00')))
    expect(redo.checkin).toMatchObject({ moderation: 'pass', reviewStatus: 'pending', day: '2026-12-29' })
  })

  it('should drop rejected content from the queue when the redo is used up', () => {
    const plan = okOf(planModeration({ ...flagged, redoCount: 1 }, period, TEACHER, 'reject', at))
    expect(plan.checkinPatch.reviewStatus).toBe('none')
  })

  it('should leave a rejected make-up out of the queue', () => {
    const plan = okOf(planModeration({ ...flagged, makeup: true, reviewStatus: 'none' }, period, TEACHER, 'reject', at))
    expect(plan.checkinPatch.reviewStatus).toBeUndefined()
  })

  it('should keep risky once a late callback passes another file', () => {
    const rejected = applied(flagged, okOf(planModeration(flagged, period, TEACHER, 'reject', at)).checkinPatch)
    expect(applyMediaVerdict(rejected, { traceId: 't1' }, 'pass')?.moderation).toBe('risky')
  })
})
