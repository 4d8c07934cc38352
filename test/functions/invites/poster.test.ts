import { isInviteCode } from '../../../cloudfunctions/src/domain/invites'
import { decodeQrPng } from '../../support/qr'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { poster } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
})
afterAll(() => h.close())

async function decodeQr(url: string): Promise<URLSearchParams> {
  const res = await fetch(url)
  expect(res.headers.get('content-type')).toBe('image/png')
  return decodeQrPng(Buffer.from(await res.arrayBuffer()), 'the poster image').params
}

const openApiCalls = () => h.emu.requests.byAction()['wx.openApi'] ?? 0

describe('invites.poster', () => {
  it('should make a short code (never the openid) and a mini-program code for the home page carrying it', async () => {
    await h.member('poster-maker', [], { nickname: '小明妈妈' })
    const view = await poster(h, 'poster-maker')
    expect(isInviteCode(view.code)).toBe(true)
    expect(view.code).not.toContain('poster-maker')
    expect(view.scene).toBe(`i=${view.code}`)
    expect(view).toMatchObject({ nickname: '小明妈妈', rules: { pointsPerInvite: 50, dailyCap: 5 } })
    expect(view.qrFileId).toMatch(/^cloud:\/\/.+\/invite-posters\//)
    const params = await decodeQr(view.qrUrl ?? '')
    expect(params.get('page')).toBe('pages/home/index')
    expect(params.get('scene')).toBe(view.scene)
    expect(await h.emu.db.count('events', { type: 'invite_poster', memberId: 'poster-maker' })).toBe(1)
  })

  it('should reuse the stored image and code on later calls (no second getUnlimited)', async () => {
    await h.member('repeat-poster')
    const first = await poster(h, 'repeat-poster')
    h.emu.requests.reset()
    h.emu.requests.counting = true
    const again = await Promise.all([poster(h, 'repeat-poster'), poster(h, 'repeat-poster')])
    h.emu.requests.counting = false
    expect(openApiCalls()).toBe(0)
    expect(again.map((v) => [v.code, v.qrFileId])).toEqual([
      [first.code, first.qrFileId],
      [first.code, first.qrFileId],
    ])
    expect(await h.emu.db.count('invite_codes', { memberId: 'repeat-poster' })).toBe(1)
  })

  it('should give each member one code even when their first calls race', async () => {
    await h.member('racing-poster')
    const views = await Promise.all(Array.from({ length: 5 }, () => poster(h, 'racing-poster')))
    expect(new Set(views.map((v) => v.code)).size).toBe(1)
    expect(await h.emu.db.count('invite_codes', { memberId: 'racing-poster' })).toBe(1)
    expect(await h.emu.db.count('invite_posters', { _id: 'racing-poster' })).toBe(1)
  })

  it('should answer INVITE.POSTER_FAILED when WeChat fails, store no image, and succeed on the next try', async () => {
    await h.member('unlucky-poster')
    h.emu.faults.failNext({ action: 'wx.openApi' })
    const res = await h.call('invites', { action: 'poster' }, 'unlucky-poster')
    expect(res).toMatchObject({ code: 'INVITE.POSTER_FAILED', message: '海报生成失败，请稍后重试' })
    expect(await h.emu.db.count('invite_posters', { _id: 'unlucky-poster' })).toBe(0)
    const retry = await poster(h, 'unlucky-poster')
    expect(retry.qrUrl).toBeTruthy()
  })
})
