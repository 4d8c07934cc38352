import { fireEvent, render } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CalendarPage from '@/features/camp/pages/calendar/index'
import { byId, fakeCloud, findById, ok, setRouteParams } from '../mall/support'
import { calendarView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

function withReviews() {
  const view = calendarView(['checked', 'checked', 'missed', 'today', 'upcoming', 'upcoming', 'upcoming'], { unreadReviews: 1 })
  view.days[0].review = { status: { value: 'reviewed', label: '已点评' }, featured: false, unread: true }
  view.days[1].review = { status: { value: 'returned', label: '已退回重做' }, featured: false, unread: false }
  return view
}

describe('我的打卡日历: each day opens its check-in with the review', () => {
  beforeEach(() => setRouteParams({ periodId: 'p1' }))
  afterEach(() => jest.restoreAllMocks())

  it('should mark an unread review with a dot, say what each day’s review is, and count the unread ones', async () => {
    fakeCloud({ 'camp.calendar': ok(withReviews()) })
    render(<CalendarPage />)

    expect((await findById('day-2026-11-23')).textContent).toContain('已点评')
    expect(document.getElementById('unread-2026-11-23')).not.toBeNull()
    expect(byId('day-2026-11-24').textContent).toContain('待重做')
    expect(document.getElementById('unread-2026-11-24')).toBeNull()
    expect(byId('cal-unread').textContent).toBe('有 1 条新点评，点击标红点的日期查看')
  })

  it('should open that day’s check-in and review when a checked day is tapped', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    const cloud = fakeCloud({ 'camp.calendar': ok(withReviews()) })
    render(<CalendarPage />)

    fireEvent.click(await findById('day-2026-11-24'))

    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/review/pages/comment/index?periodId=p1&day=2026-11-24' })
    expect(cloud.calls('camp.makeup')).toHaveLength(0)
  })

  it('should not open a day without a check-in', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    fakeCloud({ 'camp.calendar': ok(withReviews()) })
    render(<CalendarPage />)

    fireEvent.click(await findById('day-2026-11-27'))

    expect(navigateTo).not.toHaveBeenCalled()
  })
})
