/**
 * Every shareable page answers WeChat's share handlers with a card whose path carries the sharer's invite code, so a
 * new member who opens it is attributed like after a poster scan. Sharing pays nothing (运营规范 5.1): answering the
 * handler calls no function at all (there is no share-success callback to reward either).
 */
import { render, waitFor } from '@testing-library/react'
import { jest } from '@jest/globals'
import CampDetailPage from '@/features/camp/pages/detail/index'
import CertificatePage from '@/features/camp/pages/certificate/index'
import ClassDetailPage from '@/features/classes/pages/detail/index'
import InvitePage from '@/features/invite/pages/index/index'
import MaterialDetailPage from '@/features/materials/pages/detail/index'
import { transport } from '@/shared/cloud/call'
import { fakeCloud, findById, ok, setRouteParams } from '../mall/support'
import { campView, periodView } from '../camp/fixtures'
import { detailView } from '../classes/fixtures'
import { posterView } from '../invite/fixtures'
import { detail } from '../materials/fixtures'
import { captureShares } from './support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const MY_CODE = ok({ code: 'AB23CD' })
const callCount = () => jest.mocked(transport).mock.calls.length

/** Answers the chat handler once the code is in, and checks that answering called nothing. */
async function chatCard(shares: ReturnType<typeof captureShares>, inviter = 'AB23CD') {
  await waitFor(() => expect(String((shares.chat?.() as { path: string }).path)).toContain(`inviter=${inviter}`))
  const before = callCount()
  const card = shares.chat?.() as { title: string; path: string }
  expect(callCount()).toBe(before)
  return card
}

afterEach(() => jest.restoreAllMocks())

describe('shared cards', () => {
  it('should share a camp with its period to a chat and to Moments with the sharer code', async () => {
    const shares = captureShares()
    setRouteParams({ campId: 'c1', periodId: 'p1' })
    fakeCloud({
      'camp.campDetail': ok(campView({ periods: [periodView()] })),
      'invites.myCode': MY_CODE,
      'identity.me': ok({ openid: 'm', nickname: '', isAdmin: false, isTeacher: false }),
    })
    render(<CampDetailPage />)
    await findById('camp-title')

    const card = await chatCard(shares)
    expect(card.path).toBe('/features/camp/pages/detail/index?campId=c1&periodId=p1&inviter=AB23CD')
    expect(card.title).toContain('21 天英语口语打卡')
    const before = callCount()
    expect(shares.timeline?.()).toEqual({ title: card.title, query: 'campId=c1&periodId=p1&inviter=AB23CD' })
    expect(callCount()).toBe(before)
  })

  it('should share a material and a class with the sharer code', async () => {
    let shares = captureShares()
    setRouteParams({ materialId: 'm1' })
    fakeCloud({ 'materials.detail': ok(detail()), 'invites.myCode': MY_CODE })
    const material = render(<MaterialDetailPage />)
    await findById('material-title')
    expect((await chatCard(shares)).path).toBe('/features/materials/pages/detail/index?materialId=m1&inviter=AB23CD')
    expect(shares.timeline?.().query).toBe('materialId=m1&inviter=AB23CD')
    material.unmount()

    shares = captureShares()
    setRouteParams({ classId: 'c1' })
    fakeCloud({ 'classes.getClass': ok(detailView()), 'invites.myCode': MY_CODE })
    render(<ClassDetailPage />)
    const card = await chatCard(shares)
    expect(card.path).toBe('/features/classes/pages/detail/index?classId=c1&inviter=AB23CD')
    expect(card.title).toContain('免费课')
  })

  it('should share a certificate as a card that opens the camp', async () => {
    const shares = captureShares()
    setRouteParams({ periodId: 'p1' })
    const cert = {
      no: '03-0ABCDEF',
      periodId: 'p1',
      campId: 'c9',
      periodIndex: 3,
      memberId: 'm-01',
      checkedDays: 6,
      lengthDays: 7,
      bestStreak: 5,
      startDay: '2026-11-23',
      endDay: '2026-11-29',
      issuedDay: '2026-11-30',
      campTitle: '21 天英语口语打卡',
      nickname: '小明',
      avatarFileId: '',
    }
    fakeCloud({ 'camp.certificate': ok(cert), 'invites.myCode': MY_CODE })
    render(<CertificatePage />)
    await findById('certificate')
    const card = await chatCard(shares)
    expect(card).toEqual({
      title: '我在「21 天英语口语打卡」坚持打卡 6 天，顺利结营！',
      path: '/features/camp/pages/detail/index?campId=c9&inviter=AB23CD',
    })
    // A certificate needs login, so it is not offered to Moments.
    expect(shares.timeline).toBeUndefined()
  })

  it('should share the invite page as the home page with the poster code, without asking for it again', async () => {
    const shares = captureShares()
    const cloud = fakeCloud({ 'invites.poster': ok(posterView()) })
    render(<InvitePage />)
    await findById('invite-code')
    const card = await chatCard(shares, 'XMAMA2')
    expect(card.path).toBe('/pages/home/index?inviter=XMAMA2')
    expect(cloud.calls('invites.myCode')).toHaveLength(0)
    expect(shares.timeline).toBeUndefined()
  })

  it('should share a card without a code while the code is unknown (the call failed)', async () => {
    const shares = captureShares()
    setRouteParams({ classId: 'c1' })
    fakeCloud({ 'classes.getClass': ok(detailView()), 'invites.myCode': { code: 'SYS.INTERNAL', message: '系统繁忙' } })
    render(<ClassDetailPage />)
    await waitFor(() => expect((shares.chat?.() as { path: string }).path).toBe('/features/classes/pages/detail/index?classId=c1'))
  })
})

/**
 * WeChat's share-timeline guide (developers.weixin.qq.com/miniprogram/dev/framework/open-ability/share-timeline.html,
 * 单页模式下的限制): no login state (wx.login unavailable; CloudBase resources only with 未登录访问, which this project
 * keeps off), no navigation to other pages, button open-type disabled. So the pages render a static landing there.
 */
describe('单页模式 (opened from Moments)', () => {
  afterEach(() => window.history.replaceState(null, '', '/'))

  it.each([
    ['camp', () => <CampDetailPage />, '21 天打卡营'],
    ['material', () => <MaterialDetailPage />, '免费学习资料'],
    ['class', () => <ClassDetailPage />, '免费体验课'],
  ])('should render a static %s landing and call nothing', async (_kind, page, title) => {
    window.history.replaceState(null, '', '/?singlePage=1#/features/camp/pages/detail/index?campId=c1')
    const cloud = fakeCloud({})
    const view = render(page())
    expect((await findById('single-page-notice')).textContent).toContain(title)
    expect(view.container.textContent).toContain('前往小程序')
    expect(jest.mocked(transport)).not.toHaveBeenCalled()
    void cloud
  })
})
