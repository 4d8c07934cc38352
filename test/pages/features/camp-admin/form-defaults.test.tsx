import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import CampFormPage from '@/features/camp-admin/pages/camp-form/index'
import PeriodFormPage from '@/features/camp-admin/pages/period-form/index'
import { refreshMe } from '@/shared/session'
import { fakeCloud, findById, findToast, inputOf, ok, setRouteParams, typeInto } from '../mall/support'
import { adminCampView, adminMe, periodDoc } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

function pickDay(id: string, value: string) {
  const picker = document.getElementById(id)
  if (!picker) throw new Error(`#${id} not found`)
  act(() => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value }, bubbles: true }))
  })
}

describe('camp-admin form defaults and marks', () => {
  beforeEach(() => refreshMe())

  it('should create a 7-day first period with the defaults as they are (they follow the chosen length)', async () => {
    setRouteParams({ campId: 'c1' })
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'camp.adminCamp': ok(adminCampView([])),
      'camp.createPeriod': ok(periodDoc({ _id: 'p2' })),
    })
    render(<PeriodFormPage />)

    fireEvent.click(await findById('p-length-7'))
    // Taro's field web components render their inner <input> a tick after the element appears (slow on a busy box).
    await waitFor(() => expect(inputOf('p-milestones').value).toBe('3:10, 7:30'))
    await waitFor(() => expect(inputOf('p-min').value).toBe('6'))
    pickDay('p-start', '2026-12-07')
    fireEvent.click(await findById('save-period'))

    await findToast('已创建，请设置每日任务')
    expect(cloud.calls('camp.createPeriod')[0]).toMatchObject({
      lengthDays: 7,
      points: {
        streakMilestones: [
          { days: 3, bonus: 10 },
          { days: 7, bonus: 30 },
        ],
        completion: { minCheckins: 6 },
      },
    })
  })

  it('should keep edited rules that fit a shorter length and drop the milestones past its last day', async () => {
    setRouteParams({ campId: 'c1' })
    fakeCloud({ 'identity.me': adminMe, 'camp.adminCamp': ok(adminCampView([])) })
    render(<PeriodFormPage />)

    await typeInto('p-milestones', '5:20, 14:60')
    await typeInto('p-min', '5')
    fireEvent.click(await findById('p-length-7'))

    expect(inputOf('p-milestones').value).toBe('5:20')
    expect(inputOf('p-min').value).toBe('5')
    fireEvent.click(await findById('p-length-21'))
    expect(inputOf('p-milestones').value).toBe('5:20')
  })

  it('should mark the camp cover as required', async () => {
    setRouteParams({})
    fakeCloud({ 'identity.me': adminMe })
    render(<CampFormPage />)

    const label = (await screen.findByText('封面')).closest('.ui-field__label')
    expect(label?.querySelector('.ui-field__required')?.textContent).toBe('*')
  })
})
