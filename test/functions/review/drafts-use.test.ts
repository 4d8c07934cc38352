/**
 * Whether a review started from an AI draft is decided by the server (domain/review/draft-use.ts): the page's
 * `fromDraft` is checked against the drafts of this exact submission version shown to this teacher, and the edit size
 * is recorded (`reviews.draft`), with `drafted` on the teacher's day counters.
 */
import type { DraftView } from '../../../cloudfunctions/src/contracts/review-views'
import type { DraftUse } from '../../../cloudfunctions/src/domain/review/draft-use'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { at, campOk, LI, periodWithSubmissions, reviewOk, today, updateDoc, WANG, handTo } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
})
afterAll(() => h.close())
beforeEach(async () => {
  await at(h, '2026-03-02 10:00')
  h.emu.faults.clear()
  h.emu.ai.setTokenBudget(undefined)
})

const draftText = async (checkinId: string, who = LI): Promise<string> => {
  const d = await reviewOk(h, 'draft', { checkinId }, who)
  if (d.state !== 'draft') throw new Error(`no draft: ${JSON.stringify(d)}`)
  return (d as Extract<DraftView, { state: 'draft' }>).text
}
const submit = (checkinId: string, comment: string, who = LI, fromDraft = true) =>
  reviewOk(h, 'submitReview', { checkinId, comment, ...(fromDraft ? { fromDraft: true } : {}) }, who)
const draftOfReview = async (checkinId: string): Promise<DraftUse | undefined> =>
  ((await h.emu.db.find('reviews', { checkinId })) as { draft?: DraftUse }[])[0]?.draft
const dayStats = async (teacherId: string) =>
  (
    (await h.emu.db.find('review_stats', { teacherId })) as {
      reviewed: number
      drafted?: number
      periods: Record<string, { drafted?: number }>
    }[]
  )[0]

describe('reviews started from an AI draft', () => {
  it('should store used=false when the page claims a draft nobody was shown', async () => {
    const { ids } = await periodWithSubmissions(h, ['du-none'])
    await submit(ids[0], '老师自己写的点评')
    expect(await draftOfReview(ids[0])).toEqual({ used: false })
    expect((await dayStats(LI))?.drafted).toBeUndefined()
  })

  it('should record a draft accepted as is with 0 edits, and count it on the teacher\u2019s day', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['du-as-is'])
    const text = await draftText(ids[0])
    await submit(ids[0], text)
    expect(await draftOfReview(ids[0])).toEqual({ used: true, editedChars: 0, draftChars: [...text].length })
    const stats = await dayStats(LI)
    expect(stats.drafted).toBe(1)
    expect(stats.periods[period._id].drafted).toBe(1)
  })

  it('should record how much the teacher changed the draft', async () => {
    const { ids } = await periodWithSubmissions(h, ['du-edit'])
    const text = await draftText(ids[0])
    // Five characters added at the end, and the first one replaced.
    await submit(ids[0], `好${[...text].slice(1).join('')}再接再厉！`)
    expect(await draftOfReview(ids[0])).toEqual({ used: true, editedChars: 6, draftChars: [...text].length })
  })

  it('should not count a draft shown to 李老师 when 王老师 submits, claiming it', async () => {
    const { ids } = await periodWithSubmissions(h, ['du-other'])
    const text = await draftText(ids[0], LI)
    // 李老师's draft took the lease; an operator hands the item to 王老师, breaking it (fair distribution, #17 item 2).
    await handTo(h, ids[0], WANG, true)
    await submit(ids[0], text, WANG)
    expect(await draftOfReview(ids[0])).toEqual({ used: false })
    expect((await dayStats(WANG))?.drafted).toBeUndefined()
  })

  it('should count a prepared draft only once it was shown to the teacher', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['du-pre-a', 'du-pre-b', 'du-pre-c'])
    const opened = await reviewOk(h, 'open', { checkinId: ids[0] }, LI)
    await reviewOk(h, 'prefetchDrafts', { periodId: period._id, after: opened.item.cursor, count: 2 }, LI)
    const prepared = (await h.emu.db.find('review_drafts', { checkinId: ids[1] })) as {
      status: string
      text: string
      servedTo?: string[]
    }[]
    expect(prepared).toEqual([expect.objectContaining({ status: 'ready', servedTo: [] })])
    // Prepared, never shown: the page cannot claim it.
    await submit(ids[1], prepared[0].text)
    expect(await draftOfReview(ids[1])).toEqual({ used: false })
    // Shown (read from the cache): it counts.
    const text = await draftText(ids[2])
    expect(await draftText(ids[2])).toBe(text)
    expect(((await h.emu.db.find('review_drafts', { checkinId: ids[2] })) as { servedTo: string[] }[])[0].servedTo).toEqual([LI])
    await submit(ids[2], text)
    expect(await draftOfReview(ids[2])).toMatchObject({ used: true, editedChars: 0 })
  })

  it('should not count the draft of an earlier version after the member edited the check-in', async () => {
    const { ids } = await periodWithSubmissions(h, ['du-version'])
    const text = await draftText(ids[0])
    await updateDoc(h, 'checkins', ids[0], { editedAt: h.emu.clock.now() })
    await submit(ids[0], text)
    expect(await draftOfReview(ids[0])).toEqual({ used: false })
  })

  it('should store nothing when the page does not claim a draft', async () => {
    const { ids } = await periodWithSubmissions(h, ['du-unclaimed'])
    const text = await draftText(ids[0])
    await submit(ids[0], text, LI, false)
    expect(await draftOfReview(ids[0])).toBeUndefined()
  })
})

describe('the audit of AI drafts (staff only)', () => {
  it('should tag a review that started from a draft on the staff views, and never on the member’s', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['au-a', 'au-b'])
    const text = await draftText(ids[0])
    const answered = await submit(ids[0], `${text}加油`)
    expect(answered.aiDraft).toEqual({ editedChars: 2, label: '改动 2 字' })
    await submit(ids[1], '手写的点评', LI, false)
    // Another teacher looking at past reviews sees which one started from a draft.
    expect((await reviewOk(h, 'open', { checkinId: ids[0] }, WANG)).review?.aiDraft).toEqual({ editedChars: 2, label: '改动 2 字' })
    expect((await reviewOk(h, 'open', { checkinId: ids[1] }, WANG)).review).not.toHaveProperty('aiDraft')
    // The member reads the comment, not where it came from.
    const landing = await campOk(h, 'myCheckin', { periodId: period._id, day: today(h) }, 'au-a')
    expect(landing.review?.comment).toBe(`${text}加油`)
    expect(JSON.stringify(landing)).not.toContain('aiDraft')
    expect(JSON.stringify(landing)).not.toContain('editedChars')
    const todayView = await campOk(h, 'today', { periodId: period._id }, 'au-a')
    expect(JSON.stringify(todayView)).not.toContain('aiDraft')
  })

  it('should show each teacher’s 草稿采用率 in 点评统计 from the day counters, with no extra request', async () => {
    const { ids } = await periodWithSubmissions(h, ['ar-a', 'ar-b', 'ar-c', 'ar-d'])
    const stats = async () => {
      const mine = await reviewOk(h, 'stats', {}, LI)
      return { drafted: mine.draftedToday, label: mine.draftRateLabel, reviewed: mine.reviewedToday }
    }
    const before = await stats()
    h.emu.requests.reset()
    h.emu.requests.counting = true
    await reviewOk(h, 'stats', {}, LI)
    const statsRequests = h.emu.requests.trail.length
    h.emu.requests.counting = false
    await submit(ids[0], await draftText(ids[0]))
    await submit(ids[1], `${await draftText(ids[1])}！`)
    await submit(ids[2], '手写')
    await submit(ids[3], '手写', LI, false)
    const after = await stats()
    expect(after.drafted - before.drafted).toBe(2)
    expect(after.reviewed - before.reviewed).toBe(4)
    expect(after.label).toBe(`草稿采用率 ${Math.round((after.drafted / after.reviewed) * 100)}%（${after.drafted} / ${after.reviewed}）`)
    h.emu.requests.reset()
    h.emu.requests.counting = true
    await reviewOk(h, 'stats', {}, LI)
    expect(h.emu.requests.trail.length).toBe(statsRequests)
    h.emu.requests.counting = false
  })
})
