import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import RosterPage from '@/features/classes-admin/pages/roster/index'
import type { RosterView, StaffSignupView } from '@cloud/contracts/class-views'
import { refreshMe } from '@/shared/session'
import { fakeCloud, findById, ok, setRouteParams } from '../mall/support'
import { adminMe } from '../mall-admin/admin-support'
import { staffSignup } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const person = (memberId: string, fields: Partial<StaffSignupView> = {}) =>
  staffSignup(memberId, { nickname: memberId, sessionStartAt: Date.UTC(2026, 10, 25), ...fields })
const rosterView = (started: boolean): RosterView => ({
  classTitle: '小学数学一对一诊断课',
  session: { id: 's1', classId: 'c1', startAt: Date.UTC(2026, 10, 25), durationMin: 30, capacity: 1, taken: 1, seatsLeft: 0, started },
  confirmed: [person('m-01')],
  waitlisted: [person('m-02', { status: 'waitlisted', statusLabel: '候补中' })],
})

describe('场次名单 page', () => {
  beforeEach(() => {
    refreshMe()
    setRouteParams({ sessionId: 's1' })
  })

  it('should say the session is missing when opened without one, and send nothing', async () => {
    setRouteParams({})
    const calls = fakeCloud({ 'identity.me': adminMe })
    render(<RosterPage />)
    expect(await screen.findByText('没有找到这一场课，请从课程管理重新进入')).toBeTruthy()
    expect(calls.calls('classes.roster')).toEqual([])
  })

  it('should list the seated and the waitlist, without attendance before the start', async () => {
    fakeCloud({ 'identity.me': adminMe, 'classes.roster': ok(rosterView(false)) })
    render(<RosterPage />)

    expect(await screen.findByText('已报名（1）')).toBeTruthy()
    expect(screen.getByText('候补（1）')).toBeTruthy()
    expect(screen.getByText('开课后可记录出勤')).toBeTruthy()
    expect(document.getElementById('attended-m-01')).toBeNull()
  })

  it('should mark a seated member attended once the session started', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'classes.roster': ok(rosterView(true)),
      'classes.markAttendance': ok(person('m-01', { status: 'attended', statusLabel: '已出席' })),
    })
    render(<RosterPage />)

    fireEvent.click(await findById('attended-m-01'))
    expect(await screen.findByText('已出席')).toBeTruthy()
    expect(cloud.calls('classes.markAttendance')).toEqual([{ action: 'markAttendance', signupId: 'c1:m-01', mark: 'attended' }])
    await waitFor(() => expect(document.getElementById('attended-m-02')).toBeNull())
  })
})
