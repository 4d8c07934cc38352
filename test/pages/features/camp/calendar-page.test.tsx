import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import CalendarPage from '@/features/camp/pages/calendar/index'
import { answerModal, byId, deferred, fail, fakeCloud, findById, findToast, modalClosed, ok, setRouteParams } from '../mall/support'
import { calendarView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

// 11-23 … 11-29; today is the 4th day (11-26), the 3rd was missed.
const view = calendarView(['checked', 'made_up', 'missed', 'today', 'upcoming', 'upcoming', 'upcoming'])
const question = '补卡「第 3 天（11-25）」将消耗 20 积分，剩余 2 次补卡机会。确认补卡？'

describe('我的打卡日历 page', () => {
  beforeEach(async () => {
    setRouteParams({ periodId: 'p1' })
    await modalClosed()
  })

  it('should show 加载中, then colour each day by its status', async () => {
    const pending = deferred()
    fakeCloud({ 'camp.calendar': pending.reply })
    render(<CalendarPage />)

    expect(screen.getByText('加载中…')).toBeTruthy()
    pending.release(ok(view))
    expect((await findById('day-2026-11-23')).className).toContain('calendar-grid__cell--checked')
    expect(byId('day-2026-11-24').className).toContain('calendar-grid__cell--made_up')
    expect(byId('day-2026-11-25').className).toContain('calendar-grid__cell--missed')
    expect(byId('day-2026-11-26').className).toContain('calendar-grid__cell--today')
    expect(byId('day-2026-11-27').className).toContain('calendar-grid__cell--upcoming')
    expect(byId('day-2026-11-25').textContent).toContain('补卡')
  })

  it('should lay the days out under their weekdays (11-23 is a Monday)', async () => {
    fakeCloud({ 'camp.calendar': ok(view) })
    render(<CalendarPage />)

    const first = await findById('day-2026-11-23')
    expect(first.parentElement?.firstElementChild).toBe(first)
    expect(screen.getByText('2026年11月')).toBeTruthy()
  })

  it('should show the streaks and the summary', async () => {
    fakeCloud({ 'camp.calendar': ok(view) })
    render(<CalendarPage />)

    expect((await findById('cal-best')).textContent).toBe('2 天')
    expect(byId('cal-summary').textContent).toBe('按时打卡 1 天 · 补卡 1 天 · 未打卡 1 天')
  })

  it("should show the member's streak tier and badges of the period, and nothing of them without any", async () => {
    const decorated = calendarView(['checked', 'checked', 'today'], {
      tier: { label: '连续 7 天 ×1.2', multiplier: 1.2 },
      badges: [
        { value: 'streak_7', label: '坚持 7 天' },
        { value: 'first_featured', label: '首次精选' },
      ],
    })
    fakeCloud({ 'camp.calendar': ok(decorated) })
    const { unmount } = render(<CalendarPage />)
    expect((await findById('cal-badges')).textContent).toBe('连续 7 天 ×1.2坚持 7 天首次精选')
    unmount()

    fakeCloud({ 'camp.calendar': ok(view) })
    render(<CalendarPage />)
    await findById('cal-summary')
    expect(document.getElementById('cal-badges')).toBeNull()
  })

  it('should show the function error message', async () => {
    fakeCloud({ 'camp.calendar': fail('CAMP.NOT_JOINED', '你还没有加入该期') })
    render(<CalendarPage />)

    expect(await screen.findByText('你还没有加入该期')).toBeTruthy()
  })

  it('should not make up a day when the member cancels the confirmation', async () => {
    const cloud = fakeCloud({ 'camp.calendar': ok(view), 'camp.makeup': ok(view) })
    render(<CalendarPage />)

    fireEvent.click(await findById('day-2026-11-25'))
    await answerModal(question, false)

    await modalClosed()
    expect(cloud.calls('camp.makeup')).toHaveLength(0)
  })

  it('should make up the day after confirmation and reload the calendar', async () => {
    const after = calendarView(['checked', 'made_up', 'made_up', 'today', 'upcoming', 'upcoming', 'upcoming'], { makeupsLeft: 1 })
    let made = false
    const cloud = fakeCloud({ 'camp.calendar': () => ok(made ? after : view), 'camp.makeup': () => ((made = true), ok(after)) })
    render(<CalendarPage />)

    fireEvent.click(await findById('day-2026-11-25'))
    await answerModal(question, true)

    await findToast('补卡成功')
    expect(cloud.calls('camp.makeup')).toEqual([{ action: 'makeup', periodId: 'p1', day: '2026-11-25' }])
    await waitFor(() => expect(byId('day-2026-11-25').className).toContain('calendar-grid__cell--made_up'))
  })

  it('should show why a make-up was refused', async () => {
    fakeCloud({ 'camp.calendar': ok(view), 'camp.makeup': fail('CAMP.MAKEUP_INSUFFICIENT_POINTS', '积分不足，无法补卡') })
    render(<CalendarPage />)

    fireEvent.click(await findById('day-2026-11-25'))
    await answerModal(question, true)

    await findToast('积分不足，无法补卡')
  })
})
