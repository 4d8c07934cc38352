import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/home/index'
import { refreshMe } from '@/shared/session'
import { byId, fail, fakeCloud, findById, ok } from '../features/mall/support'
import { homeItem, homeView, openCamp } from './home-fixtures'
import { periodView } from '../features/camp/fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const me = ok({ openid: 'm-01', nickname: '小明妈妈', avatarFileId: '', isAdmin: false, isTeacher: false })

describe('首页', () => {
  beforeEach(() => refreshMe())
  afterEach(() => jest.restoreAllMocks())

  it('should show every running camp with today’s task, done or not, with my points, streak and unread reviews', async () => {
    fakeCloud({
      'identity.me': me,
      'camp.home': ok(
        homeView({
          mine: [
            homeItem({ campTitle: '英语口语', period: periodView({ id: 'p1' }), checkedToday: true, canCheckIn: false }),
            homeItem({ campTitle: '创意绘画', period: periodView({ id: 'p2' }), taskTheme: '画一棵树' }),
          ],
          unread: {
            count: 2,
            items: [
              {
                periodId: 'p1',
                campTitle: '英语口语',
                day: '2026-11-23',
                dayIndex: 1,
                outcome: { value: 'reviewed', label: '已点评' },
                reviewerName: '李老师',
                reviewedAt: Date.UTC(2026, 10, 23, 12),
              },
            ],
          },
        }),
      ),
    })
    render(<Home />)

    expect((await findById('task-p1')).textContent).toContain('今日已完成')
    expect(byId('task-p1').textContent).toContain('英语口语')
    expect(byId('task-p2').textContent).toContain('今日任务：画一棵树')
    expect(byId('task-p2').textContent).toContain('今日未打卡')
    expect(byId('task-p2').textContent).toContain('去打卡')
    expect(byId('stat-balance').textContent).toContain('230')
    expect(byId('stat-streak').textContent).toContain('3')
    expect(byId('stat-unread').textContent).toContain('2')
    expect(byId('home-unread-count').textContent).toBe('新点评（2）')
    expect(byId('unread-2026-11-23').textContent).toContain('李老师点评了你第 1 天的打卡 · 英语口语')
    await waitFor(() => expect(byId('profile-name').textContent).toBe('你好，小明妈妈'))
  })

  it('should say the load failed, not 还没有加入打卡营, and load again on 重试', async () => {
    let calls = 0
    fakeCloud({
      'identity.me': me,
      'camp.home': () => (++calls === 1 ? fail('SYS.BUSY', '系统繁忙，请稍后重试') : ok(homeView())),
    })
    render(<Home />)

    expect((await findById('home-error')).textContent).toContain('系统繁忙，请稍后重试')
    expect(document.getElementById('home-no-camp')).toBeNull()
    fireEvent.click(byId('home-retry'))
    expect((await findById('task-p1')).textContent).toContain('英语口语')
  })

  it('should invite a member with no camp to browse camps', async () => {
    fakeCloud({ 'identity.me': me, 'camp.home': ok(homeView({ mine: [] })) })
    render(<Home />)

    expect((await findById('home-no-camp')).textContent).toContain('还没有加入打卡营')
  })

  it('should say 进入 on a camp I joined and 立即加入 on one I did not, and open the right page', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    fakeCloud({
      'identity.me': me,
      'camp.home': ok(homeView({ open: [openCamp('c1', '英语口语', ['c1-p1']), openCamp('c2', '创意绘画')] })),
    })
    render(<Home />)

    expect((await findById('open-c1-go')).textContent).toBe('进入')
    expect(byId('open-c2-go').textContent).toBe('立即加入')
    fireEvent.click(byId('open-c1'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/features/camp/pages/today/index?periodId=c1-p1' })
    fireEvent.click(byId('open-c2'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/features/camp/pages/detail/index?campId=c2' })
  })

  it('should lead a redo request on today’s task straight into the redo composer', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    const returned = homeItem({ checkedToday: true, canCheckIn: false, todayReview: { value: 'returned', label: '已退回重做' } })
    fakeCloud({ 'identity.me': me, 'camp.home': ok(homeView({ mine: [returned] })) })
    render(<Home />)

    expect((await findById('task-p1')).textContent).toContain('去重做')
    fireEvent.click(byId('task-p1'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/camp/pages/today/index?periodId=p1&redoDay=2026-11-24' })
  })

  it('should open the mall from the entry grid', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    fakeCloud({ 'identity.me': me, 'camp.home': ok(homeView()) })
    render(<Home />)

    fireEvent.click(screen.getByText('积分商城'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/mall/pages/index/index' })
  })
})
