/**
 * Product writes that put an object into a field that holds `null` today. wx-server-sdk's doc.update flattens a
 * nested object into `$set` dot paths (`content.voice.fileId`), and CloudBase (MongoDB) refuses a dot path under a
 * null field with DATABASE_REQUEST_FAILED, -502001 (platform-facts.md "Updates CloudBase refuses"; the emulator does
 * the same, test/emulator/db/refused-updates.test.ts). Each of these paths writes the object whole (`_.set`); without
 * it the member or teacher would get SYS.* and nothing would change.
 */
import { addDays } from '../../../cloudfunctions/src/domain/business-day'
import { checkinId, lastDayOf } from '../../../cloudfunctions/src/domain/camp'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, camp, checkin, ensureMember, joined, openPeriod, today, upload } from './support'
import { LI, periodWithSubmissions, reviewOk, reviewsOf, teacherVoice } from '../review/support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await ensureMember(h, ADMIN, ['admin'])
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 09:00'))

const stored = async (collection: string, id: string) => ((await h.emu.db.find(collection, { _id: id })) as Record<string, unknown>[])[0]

describe('objects written into fields that were null', () => {
  it('should add a voice to a check-in that had none when the author edits it', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['wf-voice'])
    await checkin(h, period._id, 'wf-voice', { text: '先写文字' })
    const voice = { fileId: await upload(h, 'wf-voice', period._id, 'later.mp3'), durationSec: 30 }

    const res = await camp(h, 'editCheckin', { periodId: period._id, day: today(h), text: '补上录音', voice }, 'wf-voice')

    expect(res.code).toBe(0)
    const doc = await stored('checkins', checkinId(period._id, today(h), 'wf-voice'))
    // The voice is stored as the function's sealed copy of the upload (what others are shown).
    expect(doc.content).toEqual({ text: '补上录音', images: [], voice: { fileId: expect.stringContaining('/sealed/'), durationSec: 30 } })
  })

  it('should add a voice comment and a score to a review that had neither when the teacher edits it', async () => {
    const { ids, period } = await periodWithSubmissions(h, ['wf-review'])
    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '先写评语' }, LI)
    const voice = await teacherVoice(h, LI, period._id)

    await reviewOk(h, 'editReview', { checkinId: ids[0], comment: '补上语音', voice, score: 4 }, LI)

    const [review] = await reviewsOf(h, ids[0])
    // The voice is stored as the function's sealed copy of the teacher's upload (what the member hears).
    expect(await stored('reviews', review._id)).toMatchObject({
      comment: '补上语音',
      voice: { durationSec: voice.durationSec, fileId: expect.stringContaining('/sealed/') },
      score: { scale: 'stars5', value: 4 },
    })
  })

  it('should store the closing stats of a period whose stats were null', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['wf-close'])
    expect((await stored('periods', period._id)).stats).toBeNull()
    // moving the clock past the end runs the camp timer, whose completion run closes ended periods
    await at(h, `${addDays(lastDayOf(period), 1)} 10:00`)
    if ((await stored('periods', period._id)).status !== 'closed')
      expect((await camp(h, 'closePeriod', { periodId: period._id }, ADMIN)).code).toBe(0)

    expect(await stored('periods', period._id)).toMatchObject({ status: 'closed', stats: { members: 1, completed: 0 } })
  })
})
