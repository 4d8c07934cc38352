import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MaterialDetailPage from '@/features/materials/pages/detail/index'
import { answerModal, fail, fakeCloud, findById, findToast, modalClosed, ok, setRouteParams } from '../mall/support'
import { detail, pointsLocked } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const balance = ok({ balance: 100, earned: 100, spent: 0, expiring: null })
const opened = ok({ name: '题库.pdf', kind: 'pdf', size: 2048, url: 'http://127.0.0.1/f/题库.pdf?sign=x', expiresIn: 600 })

describe('资料详情 page', () => {
  let openSpy: jest.SpyInstance

  beforeEach(async () => {
    setRouteParams({ materialId: 'm1' })
    openSpy = jest.spyOn(window, 'open').mockImplementation(() => null)
    await modalClosed()
  })
  afterEach(() => openSpy.mockRestore())

  it('should open a free material file in the browser with the URL the function answers', async () => {
    const cloud = fakeCloud({ 'materials.detail': ok(detail()), 'materials.open': opened })
    render(<MaterialDetailPage />)

    expect(await screen.findByText('免费资料，可直接打开')).toBeTruthy()
    fireEvent.click(await findById('open-0'))

    await waitFor(() => expect(openSpy).toHaveBeenCalledWith('http://127.0.0.1/f/题库.pdf?sign=x', '_blank', 'noopener'))
    expect(cloud.calls('materials.open')).toEqual([{ action: 'open', materialId: 'm1', fileIndex: 0 }])
  })

  it('should not unlock when the member cancels the points confirmation', async () => {
    const cloud = fakeCloud({ 'materials.detail': ok(pointsLocked()), 'points.balance': balance })
    render(<MaterialDetailPage />)

    expect(await screen.findByText('未解锁')).toBeTruthy()
    fireEvent.click(await findById('unlock'))
    await answerModal('确认使用 30 积分解锁「三年级数学思维题库」？（当前 100 积分）', false)

    await modalClosed()
    expect(cloud.calls('materials.unlock')).toHaveLength(0)
  })

  it('should unlock once after confirmation and then offer the files', async () => {
    const cloud = fakeCloud({
      'materials.detail': ok(pointsLocked()),
      'points.balance': balance,
      'materials.unlock': ok(pointsLocked({ unlocked: true, via: 'points' })),
    })
    render(<MaterialDetailPage />)

    fireEvent.click(await findById('unlock'))
    await answerModal('确认使用 30 积分解锁「三年级数学思维题库」？（当前 100 积分）', true)

    expect(await screen.findByText('已用积分解锁，可反复打开')).toBeTruthy()
    expect(await findById('open-0')).toBeTruthy()
    expect(cloud.calls('materials.unlock')).toEqual([{ action: 'unlock', materialId: 'm1' }])
  })

  it('should show the refusal when points are short and stay locked', async () => {
    fakeCloud({
      'materials.detail': ok(pointsLocked()),
      'points.balance': balance,
      'materials.unlock': fail('POINTS.INSUFFICIENT', '积分不足'),
    })
    render(<MaterialDetailPage />)

    fireEvent.click(await findById('unlock'))
    await answerModal(/确认使用 30 积分解锁/, true)

    await findToast('积分不足')
    expect(screen.getByText('未解锁')).toBeTruthy()
  })

  it('should unlock a signup material without asking for points', async () => {
    const signupLocked = pointsLocked({ rule: { kind: 'signup', classId: null }, ruleText: '报名任意一节免费课后即可解锁' })
    const cloud = fakeCloud({
      'materials.detail': ok(signupLocked),
      'materials.unlock': fail('MATERIAL.SIGNUP_REQUIRED', '报名免费课后即可解锁该资料'),
    })
    render(<MaterialDetailPage />)

    fireEvent.click(await findById('unlock'))
    await findToast('报名免费课后即可解锁该资料')
    expect(cloud.calls('points.balance')).toHaveLength(0)
  })

  it('should show how many invited friends are still missing, lead to the invite page and unlock once they are there', async () => {
    const invitesLocked = (have: number) =>
      pointsLocked({
        rule: { kind: 'invites', count: 3 },
        ruleTag: '邀请 3 人',
        ruleText: '邀请 3 位好友，好友完成首次打卡或报名免费课后即可解锁',
        invites: { have, needed: 3 },
      })
    const unlocked = { ...invitesLocked(3), unlocked: true, via: 'invites' as const }
    const cloud = fakeCloud({ 'materials.detail': ok(invitesLocked(1)), 'materials.unlock': ok(unlocked) })
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    render(<MaterialDetailPage />)

    expect((await findById('invite-progress')).textContent).toBe('已有 1 / 3 位好友完成，还差 2 位')
    fireEvent.click(await findById('go-invite'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/invite/pages/index/index' })

    fireEvent.click(await findById('unlock'))
    expect(await screen.findByText('已通过邀请好友解锁')).toBeTruthy()
    expect(cloud.calls('materials.unlock')).toEqual([{ action: 'unlock', materialId: 'm1' }])
    expect(cloud.calls('points.balance')).toHaveLength(0)
    navigateTo.mockRestore()
  })

  it('should show an unknown material as an error with 重试', async () => {
    fakeCloud({ 'materials.detail': fail('MATERIAL.NOT_FOUND', '资料不存在或已下架') })
    render(<MaterialDetailPage />)

    expect(await screen.findByText('资料不存在或已下架')).toBeTruthy()
    expect(await findById('retry')).toBeTruthy()
  })
})
