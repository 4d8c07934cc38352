import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Me from '@/pages/me/index'
import { refreshMe } from '@/shared/session'
import { byId, fail, fakeCloud, findById, ok } from '../features/mall/support'
import { homeView } from './home-fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const me = ok({
  openid: 'm-01',
  nickname: '小明妈妈',
  avatarFileId: 'cloud://dev.bucket/avatars/m-01/a.png',
  isAdmin: false,
  isTeacher: false,
})

describe('我的', () => {
  beforeEach(() => refreshMe())
  afterEach(() => jest.restoreAllMocks())

  it('should invite the visitor to log in when there is no identity', async () => {
    fakeCloud({ 'identity.me': fail('SYS.BUSY', '系统繁忙'), 'camp.home': fail('SYS.BUSY', '系统繁忙') })
    render(<Me />)

    expect(await screen.findByText('登录后可查看我的打卡、积分与兑换记录')).toBeTruthy()
  })

  it('should show avatar, nickname, points, streak and unread reviews with a badge on 新点评', async () => {
    fakeCloud({ 'identity.me': me, 'camp.home': ok(homeView({ balance: 88, unread: { count: 3, items: [] } })) })
    render(<Me />)

    await waitFor(() => expect(byId('profile-name').textContent).toBe('小明妈妈'))
    expect(byId('profile-avatar').tagName.toLowerCase()).toBe('taro-image-core')
    await waitFor(() => expect(byId('stat-balance').textContent).toContain('88'))
    expect(byId('stat-unread').textContent).toContain('3')
    expect(byId('me-reviews').textContent).toContain('3')
    expect(document.getElementById('me-review')).toBeNull()
  })

  it('should say when the numbers could not load, and retry on tap', async () => {
    let calls = 0
    fakeCloud({ 'identity.me': me, 'camp.home': () => (++calls === 1 ? fail('SYS.BUSY', '系统繁忙') : ok(homeView({ balance: 5 }))) })
    render(<Me />)

    fireEvent.click(await findById('me-error'))
    await waitFor(() => expect(byId('stat-balance').textContent).toContain('5'))
    expect(document.getElementById('me-error')).toBeNull()
  })

  it('should open the mall from the entry grid', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    fakeCloud({ 'identity.me': me, 'camp.home': ok(homeView()) })
    render(<Me />)

    fireEvent.click(await findById('me-mall'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/mall/pages/index/index' })
  })
})
