/**
 * community.dayCard: the member's 日签 of a day they checked in, with their own invite code's mini-program code.
 * The code image is invites' (made once with getUnlimited, reused by the poster and every card); the card pays nothing.
 */
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { decodeQrPng } from '../../support/qr'
import type { DayCardView } from '../../../cloudfunctions/src/contracts/community'
import type { PosterView } from '../../../cloudfunctions/src/contracts/invites'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, checkin, joined, openPeriod } from '../camp/support'
import { community, communityOk } from './support'

let h: FunctionsHarness
let period: AdminPeriodView
// Openids that would stand out in an answer; nicknames are other words.
const MING = 'oDAY_ming_openid_0001'
const HONG = 'oDAY_hong_openid_0002'
const GANG = 'oDAY_gang_openid_0003'
const OUTSIDER = 'oDAY_outsider_openid_0004'
const LAN = 'oDAY_lan_openid_0005'

const card = (who: string, day?: string) => community(h, 'dayCard', day ? { periodId: period._id, day } : { periodId: period._id }, who)
const cardOk = (who: string, day?: string) => communityOk(h, 'dayCard', day ? { periodId: period._id, day } : { periodId: period._id }, who)
const openApiCalls = () => h.emu.requests.byAction()['wx.openApi'] ?? 0
const postersOf = (memberId: string) => h.emu.db.count('invite_posters', { _id: memberId })

async function decodeQr(url: string): Promise<URLSearchParams> {
  const res = await fetch(url)
  return decodeQrPng(Buffer.from(await res.arrayBuffer()), 'the card image').params
}

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await h.member(MING, [], { nickname: '小明' })
  await h.member(HONG, [], { nickname: '小红' })
  await h.member(GANG, [], { nickname: '小刚' })
  await h.member(OUTSIDER, [], { nickname: '路人' })
  // 第 1 天 = 2026-04-06 (task 自我介绍 on day 1 only); make-ups keep the streak.
  await at(h, '2026-04-06 09:00')
  period = await openPeriod(h, { tasks: [{ day: 1, theme: '自我介绍', instructions: '用英语介绍自己' }] })
  await joined(h, period, [MING, HONG, GANG])
  // 小明 checks in on day 1 (two lines of text) and, a second before midnight, on day 2.
  expect((await checkin(h, period._id, MING, { text: '  今天读了\t20 分钟英语绘本  \n第二行不上卡片' })).code).toBe(0)
  await at(h, '2026-04-07 23:59:59', { frozen: true })
  expect((await checkin(h, period._id, MING, { text: '坚持第二天'.repeat(10) })).code).toBe(0)
})
afterAll(() => h.close())

describe('a card for a day the member checked in', () => {
  let view: DayCardView
  beforeAll(async () => {
    await at(h, '2026-04-07 23:59:59', { frozen: true })
    view = await cardOk(MING)
  })

  it('should show today (第 2 天 of 7), the streak through today and one line of the member’s own text', () => {
    expect(view).toMatchObject({
      periodId: period._id,
      campId: period.campId,
      day: '2026-04-07',
      dayIndex: 2,
      lengthDays: 7,
      theme: '',
      streak: 2,
      nickname: '小明',
    })
    // 50 characters cut to 20 with an ellipsis: one line on the card.
    expect([...view.text]).toHaveLength(20)
    expect(view.text.endsWith('…')).toBe(true)
  })

  it('should name a past day they checked in: its task, the streak as of that day, its first line only', async () => {
    const first = await cardOk(MING, '2026-04-06')
    expect(first).toMatchObject({ day: '2026-04-06', dayIndex: 1, theme: '自我介绍', streak: 1, text: '今天读了 20 分钟英语绘本' })
  })

  it('should carry the camp cover and the member’s own mini-program code (home page, scene i=CODE) as temp URLs', async () => {
    expect(view.cover?.fileId).toBe('cloud://local-dev.x/covers/c.png')
    expect(view.qrFileId).toMatch(/^cloud:\/\/.+\/invite-posters\//)
    const params = await decodeQr(view.qrUrl ?? '')
    expect(params.get('page')).toBe('pages/home/index')
    expect(params.get('scene')).toBe(`i=${view.code}`)
  })

  it('should hold no openid anywhere in the answer', () => {
    const json = JSON.stringify(view)
    for (const openid of [MING, HONG, GANG]) expect(json).not.toContain(openid)
    expect(json).not.toContain('oDAY_')
  })

  it('should keep text the content check held for review off the card', async () => {
    await at(h, '2026-04-08 10:00')
    expect((await checkin(h, period._id, HONG, { text: '这里有敏感词' })).code).toBe(0)
    expect(await cardOk(HONG)).toMatchObject({ day: '2026-04-08', dayIndex: 3, streak: 1, text: '' })
  })
})

describe('refused', () => {
  it('should answer COMMUNITY.DAY_CARD_NOT_CHECKED a second after midnight until today is checked, and make no code', async () => {
    await at(h, '2026-04-08 00:00:01', { frozen: true })
    h.emu.requests.reset()
    h.emu.requests.counting = true
    const res = await card(GANG)
    const yesterday = await card(MING)
    h.emu.requests.counting = false
    expect(res).toMatchObject({ code: 'COMMUNITY.DAY_CARD_NOT_CHECKED', message: '这一天还没有打卡，打卡后才能生成日签' })
    expect(yesterday.code).toBe('COMMUNITY.DAY_CARD_NOT_CHECKED')
    expect(openApiCalls()).toBe(0)
    expect(await postersOf(GANG)).toBe(0)
    expect(await h.emu.db.count('invite_codes', { memberId: GANG })).toBe(0)
    // The day before still makes its card.
    expect((await cardOk(MING, '2026-04-07')).dayIndex).toBe(2)
  })

  it('should refuse a day outside the period, a day not checked, a member not enrolled and an unknown period', async () => {
    await at(h, '2026-04-08 12:00')
    expect((await card(MING, '2026-04-05')).code).toBe('COMMUNITY.DAY_CARD_NOT_CHECKED')
    expect((await card(MING, '2026-04-20')).code).toBe('COMMUNITY.DAY_CARD_NOT_CHECKED')
    expect((await card(GANG, '2026-04-06')).code).toBe('COMMUNITY.DAY_CARD_NOT_CHECKED')
    expect(await card(OUTSIDER)).toMatchObject({ code: 'COMMUNITY.NOT_ENROLLED', message: '没有报名本期' })
    expect((await community(h, 'dayCard', { periodId: 'no-such-period' }, MING)).code).toBe('COMMUNITY.PERIOD_NOT_FOUND')
    expect((await community(h, 'dayCard', { periodId: period._id, day: '2026-02-30' }, MING)).code).toBe('REQUEST.INVALID')
  })
})

describe('the mini-program code', () => {
  it('should be the poster’s: made once, then reused by the poster and every later card (no second getUnlimited)', async () => {
    await at(h, '2026-04-08 12:00')
    const first = await cardOk(MING, '2026-04-06')
    h.emu.requests.reset()
    h.emu.requests.counting = true
    const [again, other, poster] = await Promise.all([
      cardOk(MING, '2026-04-06'),
      cardOk(MING, '2026-04-07'),
      h.ok<PosterView>('invites', { action: 'poster' }, MING),
    ])
    h.emu.requests.counting = false
    expect(openApiCalls()).toBe(0)
    expect([again.qrFileId, other.qrFileId, poster.qrFileId]).toEqual([first.qrFileId, first.qrFileId, first.qrFileId])
    expect([again.code, other.code, poster.code]).toEqual([first.code, first.code, first.code])
    expect(await postersOf(MING)).toBe(1)
    expect(await h.emu.db.count('invite_codes', { memberId: MING })).toBe(1)
  })

  it('should make one code and one image when a member’s first cards race', async () => {
    await at(h, '2026-04-09 10:00')
    expect((await checkin(h, period._id, GANG)).code).toBe(0)
    const views = await Promise.all(Array.from({ length: 5 }, () => cardOk(GANG)))
    expect(new Set(views.map((v) => v.code)).size).toBe(1)
    expect(new Set(views.map((v) => v.qrFileId)).size).toBe(1)
    expect(await postersOf(GANG)).toBe(1)
    expect(await h.emu.db.count('invite_codes', { memberId: GANG })).toBe(1)
  })

  it('should answer COMMUNITY.DAY_CARD_QR_FAILED when getUnlimited fails, store no image, and work on the next try', async () => {
    await at(h, '2026-04-09 11:00')
    await h.member(LAN, [], { nickname: '小兰' })
    await joined(h, period, [LAN])
    expect((await checkin(h, period._id, LAN)).code).toBe(0)
    h.emu.faults.failNext({ action: 'wx.openApi' })
    const res = await card(LAN)
    expect(res).toMatchObject({ code: 'COMMUNITY.DAY_CARD_QR_FAILED', message: '日签的小程序码生成失败，请稍后重试' })
    expect(await postersOf(LAN)).toBe(0)
    const [code] = (await h.emu.db.find('invite_codes', { memberId: LAN })) as { _id: string }[]
    expect(h.emu.storage.exists(`cloud://local-dev.x/invite-posters/${code._id}.png`)).toBe(false)
    const retry = await cardOk(LAN)
    expect(retry.code).toBe(code._id)
    expect(retry.qrUrl).toBeTruthy()
    expect(h.emu.storage.exists(retry.qrFileId)).toBe(true)
    expect(await postersOf(LAN)).toBe(1)
  })
})

describe('sharing earns nothing', () => {
  it('should book no points and record no event, however many cards are made', async () => {
    await at(h, '2026-04-09 12:00')
    const entries = await h.emu.db.count('points_entries', {})
    const events = await h.emu.db.count('events', {})
    for (let i = 0; i < 3; i++) await cardOk(MING, '2026-04-06')
    expect(await h.emu.db.count('points_entries', {})).toBe(entries)
    expect(await h.emu.db.count('events', {})).toBe(events)
  })
})
