/**
 * Issue #17's proof in the production weapp build: 李老师 opens a member's submission and the AI draft (the emulator
 * answers the SDK's model request with its deterministic drafter) is already in the editor; he accepts it as it is
 * and submits, and the stored review records that it started from the draft, unedited. Then 批改时效 shows his
 * time to review and the backlog by age, and the range picker asks for the last 14 days.
 */
import { addDays, businessDay } from '../../cloudfunctions/src/domain/business-day'
import { checkInTomorrow } from '../support/demo-day'
import { weappFixture } from '../support/weapp/phone'
import { tap, textOf, waitFor, waitForElement, waitForText } from '../support/weapp/ui'

const TEACHER = 'dev-teacher-01'
const MEMBER = 'dev-member-06'
const fx = weappFixture()

jest.setTimeout(150_000)

interface StoredReview {
  comment: string
  reviewerId: string
  draft?: { used: boolean; editedChars: number }
}

it('should put the AI draft in the editor, and record a review accepted from it unedited', async () => {
  const { emu } = fx
  const [{ _id: periodId }] = (await emu.db.find('periods', { lengthDays: 21 })) as { _id: string }[]
  const day = await checkInTomorrow(emu, periodId, [MEMBER], () => '今天用英语介绍了我的家人和宠物。')
  const checkinId = `checkin:${periodId}:${day}:${MEMBER}`

  const teacher = fx.phone(TEACHER)
  const form = teacher.app.open(`features/review/pages/review/index?checkinId=${encodeURIComponent(checkinId)}&kind=pending&day=today`)
  await waitForText(form, '今天用英语介绍了我的家人和宠物。', 'checkin-text')
  await waitForElement(form, 'ai-draft-dismiss')
  expect(textOf(form, 'ai-draft-label')).toContain('AI')
  const [draft] = (await emu.db.find('review_drafts', { checkinId })) as { text: string; status: string }[]
  expect(draft.text.length).toBeGreaterThan(0)
  tap(form, 'review-submit')
  await waitFor(() => teacher.device.calls.some((c) => c.action === 'submitReview'), 'the review is sent', 20_000)

  const stored = async () => (await emu.db.find('reviews', { checkinId })) as StoredReview[]
  const deadline = Date.now() + 20_000
  while ((await stored()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
  const reviews = await stored()
  expect(reviews).toHaveLength(1)
  expect(reviews[0]).toMatchObject({ comment: draft.text, reviewerId: TEACHER, draft: { used: true, editedChars: 0 } })
})

it('should show the teacher’s time to review and the backlog by age, and ask for the range picked', async () => {
  const teacher = fx.phone(TEACHER)
  const sla = teacher.app.open('features/review/pages/sla/index')
  await waitForElement(sla, 'sla-total')
  expect(textOf(sla, 'sla-total')).toContain('已批改')
  expect(textOf(sla, 'sla-backlog')).toContain('待批改')
  const today = businessDay(fx.emu.clock.now())
  expect(textOf(sla, 'sla-total')).toContain(`${addDays(today, -6)} 至 ${today}`)
  // 近 14 天: fourteen Shanghai days ending today, answered by the function.
  const asked = teacher.device.calls.filter((c) => c.action === 'sla').length
  tap(sla, 'sla-range-14')
  await waitFor(() => teacher.device.calls.filter((c) => c.action === 'sla').length > asked, 'the 14-day range is asked for')
  await waitForText(sla, `${addDays(today, -13)} 至 ${today}`, 'sla-total')
})
