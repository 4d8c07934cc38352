import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CampDetailPage from '@/features/camp/pages/detail/index'
import { byId, fail, fakeCloud, findById, findToast, ok, setRouteParams, typeInto } from '../mall/support'
import { campView, periodView, todayView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const invitePeriod = periodView({ status: { value: 'open', label: '报名中' }, entry: { value: 'invite_code', label: '凭邀请码加入' } })

describe('打卡营 detail page', () => {
  beforeEach(() => setRouteParams({ campId: 'c1' }))
  afterEach(() => jest.restoreAllMocks())

  it('should show the camp and the rules of each period', async () => {
    fakeCloud({ 'camp.campDetail': ok(campView()) })
    render(<CampDetailPage />)

    expect((await findById('camp-title')).textContent).toBe('21 天英语口语打卡')
    expect(screen.getByText('2026-11-23 至 2026-11-29，共 7 天')).toBeTruthy()
    expect(screen.getByText('可补卡 2 次（3 天内），每次 20 积分')).toBeTruthy()
  })

  it('should say a new period is coming when none is published', async () => {
    fakeCloud({ 'camp.campDetail': ok(campView({ periods: [] })) })
    render(<CampDetailPage />)

    expect(await screen.findByText('新一期正在筹备中，敬请期待')).toBeTruthy()
  })

  it('should show the function error message', async () => {
    fakeCloud({ 'camp.campDetail': fail('CAMP.NOT_FOUND', '打卡营不存在') })
    render(<CampDetailPage />)

    expect(await screen.findByText('打卡营不存在')).toBeTruthy()
  })

  it('should join with the typed invite code and open today', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    const cloud = fakeCloud({ 'camp.campDetail': ok(campView({ periods: [invitePeriod] })), 'camp.join': ok(todayView()) })
    render(<CampDetailPage />)

    await typeInto('invite-p1', ' SPRING26 ')
    fireEvent.click(byId('join-p1'))

    await findToast('报名成功')
    expect(cloud.calls('camp.join')).toEqual([{ action: 'join', periodId: 'p1', inviteCode: 'SPRING26' }])
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/camp/pages/today/index?periodId=p1' })
  })

  it('should ask for the invite code before calling when it is empty', async () => {
    const cloud = fakeCloud({ 'camp.campDetail': ok(campView({ periods: [invitePeriod] })), 'camp.join': ok(todayView()) })
    render(<CampDetailPage />)

    fireEvent.click(await findById('join-p1'))

    await findToast('请输入邀请码')
    expect(cloud.calls('camp.join')).toHaveLength(0)
  })

  it('should show why the function refused to join', async () => {
    fakeCloud({ 'camp.campDetail': ok(campView({ periods: [invitePeriod] })), 'camp.join': fail('CAMP.INVITE_CODE_WRONG', '邀请码不正确') })
    render(<CampDetailPage />)

    await typeInto('invite-p1', 'WRONG1')
    fireEvent.click(byId('join-p1'))

    await findToast('邀请码不正确')
  })

  it('should not call join for a group-only period when not opened from the group', async () => {
    const groupPeriod = periodView({ entry: { value: 'group', label: '打卡群成员加入' } })
    const cloud = fakeCloud({ 'camp.campDetail': ok(campView({ periods: [groupPeriod] })), 'camp.join': ok(todayView()) })
    render(<CampDetailPage />)

    fireEvent.click(await findById('join-p1'))

    await findToast('请从打卡群内打开小程序后加入')
    expect(cloud.calls('camp.join')).toHaveLength(0)
  })
})
