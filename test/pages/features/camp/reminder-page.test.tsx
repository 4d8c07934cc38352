import { fireEvent, render, screen } from '@testing-library/react'
import ReminderPage from '@/features/camp/pages/reminder/index'
import { byId, fail, fakeCloud, findById, findToast, ok, setRouteParams } from '../mall/support'
import { fakeUploads, todayView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const subscribedView = ok({ credits: 1, reminderTime: '20:00', nextReminderAt: null })

describe('打卡提醒 page', () => {
  let wechat: ReturnType<typeof fakeUploads>
  beforeEach(() => {
    setRouteParams({ periodId: 'p1' })
    wechat = fakeUploads() // also answers the local subscribe prompt with 'accept'
  })
  afterEach(() => wechat.restore())

  it('should show the saved reminder time', async () => {
    fakeCloud({ 'camp.today': ok(todayView({ reminderTime: '07:30' })) })
    render(<ReminderPage />)

    expect((await findById('reminder-current')).textContent).toBe('当前：每天 07:30 提醒')
  })

  it('should save the picked time and report the accepted subscription', async () => {
    const cloud = fakeCloud({ 'camp.today': ok(todayView()), 'camp.setReminder': subscribedView, 'camp.subscribed': subscribedView })
    render(<ReminderPage />)

    fireEvent.click(await findById('reminder-save'))

    await findToast('每天 20:00 提醒你打卡')
    expect(cloud.calls('camp.setReminder')).toEqual([{ action: 'setReminder', periodId: 'p1', time: '20:00' }])
    expect(cloud.calls('camp.subscribed')[0].accepted).toEqual(['tpl-camp-checkin-reminder'])
    expect(byId('reminder-current').textContent).toBe('当前：每天 20:00 提醒')
  })

  it('should turn the reminder off with a null time', async () => {
    const cloud = fakeCloud({ 'camp.today': ok(todayView({ reminderTime: '07:30' })), 'camp.setReminder': subscribedView })
    render(<ReminderPage />)

    fireEvent.click(await findById('reminder-off'))

    await findToast('已关闭提醒')
    expect(cloud.calls('camp.setReminder')).toEqual([{ action: 'setReminder', periodId: 'p1', time: null }])
  })

  it('should show the function error message', async () => {
    fakeCloud({ 'camp.today': fail('CAMP.NOT_FOUND', '打卡营不存在') })
    render(<ReminderPage />)

    expect(await screen.findByText('打卡营不存在')).toBeTruthy()
  })
})
