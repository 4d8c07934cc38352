import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/home/index'
import { byId, fakeCloud, findById, ok } from '../mall/support'
import { campView, checkinView, myPeriod, periodView, todayView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('home page with camps', () => {
  afterEach(() => jest.restoreAllMocks())

  it("should show my running period with today's task and a check-in button", async () => {
    const cloud = fakeCloud({
      'camp.myPeriods': ok({ items: [myPeriod()] }),
      'camp.listCamps': ok({ items: [campView()] }),
      'camp.today': ok(todayView()),
    })
    render(<Home />)

    expect((await findById('home-task')).textContent).toBe('今日任务：自我介绍')
    expect(byId('home-checkin').textContent).toBe('去打卡')
    expect(cloud.calls('camp.today')).toEqual([{ action: 'today', periodId: 'p1' }])
  })

  it('should open today when the check-in button is tapped', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    fakeCloud({ 'camp.myPeriods': ok({ items: [myPeriod()] }), 'camp.listCamps': ok({ items: [] }), 'camp.today': ok(todayView()) })
    render(<Home />)

    fireEvent.click(await findById('home-checkin'))

    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/camp/pages/today/index?periodId=p1' })
  })

  it('should say 今日已打卡 once today is checked in', async () => {
    fakeCloud({
      'camp.myPeriods': ok({ items: [myPeriod()] }),
      'camp.listCamps': ok({ items: [] }),
      'camp.today': ok(todayView({ checkin: checkinView(), canCheckIn: false })),
    })
    render(<Home />)

    expect((await findById('home-checkin')).textContent).toBe('今日已打卡')
  })

  it('should prefer a running period over a finished one', async () => {
    const finished = myPeriod({ campTitle: '上一期', period: periodView({ id: 'old', status: { value: 'closed', label: '已结营' } }) })
    const cloud = fakeCloud({
      'camp.myPeriods': ok({ items: [finished, myPeriod()] }),
      'camp.listCamps': ok({ items: [] }),
      'camp.today': ok(todayView()),
    })
    render(<Home />)

    await findById('home-current')
    expect(cloud.calls('camp.today')[0].periodId).toBe('p1')
  })

  it('should list camps to join and say when I have none', async () => {
    fakeCloud({ 'camp.myPeriods': ok({ items: [] }), 'camp.listCamps': ok({ items: [campView({ title: '14 天数学思维' })] }) })
    render(<Home />)

    expect(await screen.findByText('14 天数学思维')).toBeTruthy()
    expect(byId('home-no-camp').textContent).toBe('还没有加入打卡营')
  })

  it('should keep the mall and points entries', async () => {
    fakeCloud({ 'camp.myPeriods': ok({ items: [] }), 'camp.listCamps': ok({ items: [] }) })
    render(<Home />)

    await findById('home-no-camp')
    expect(byId('entry-mall').textContent).toContain('积分商城')
    expect(byId('entry-points').textContent).toContain('我的积分')
  })
})
