import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import PeriodFormPage from '@/features/camp-admin/pages/period-form/index'
import { refreshMe } from '@/shared/session'
import { fail, fakeCloud, findById, findToast, inputOf, ok, setRouteParams, typeInto } from '../mall/support'
import { adminCampView, adminMe, periodDoc } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

/** The H5 date picker is a scroll wheel; tests set the day through its change event as a tap on 确定 would. */
function pickDay(id: string, value: string) {
  const picker = document.getElementById(id)
  if (!picker) throw new Error(`#${id} not found`)
  act(() => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value }, bubbles: true }))
  })
}

describe('期次设置 page', () => {
  beforeEach(() => refreshMe())

  it('should create the next period from the latest one with the right payload', async () => {
    setRouteParams({ campId: 'c1' })
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'camp.adminCamp': ok(adminCampView()),
      'camp.createPeriod': ok(periodDoc({ _id: 'p2' })),
    })
    render(<PeriodFormPage />)

    fireEvent.click(await findById('p-length-14'))
    pickDay('p-start', '2026-12-07')
    await typeInto('p-capacity', '300')
    await typeInto('p-milestones', '7:30, 14:60')
    fireEvent.click(await findById('save-period'))

    await findToast('已创建，请设置每日任务')
    expect(cloud.calls('camp.createPeriod')).toEqual([
      {
        action: 'createPeriod',
        requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,36}$/),
        campId: 'c1',
        index: 4,
        lengthDays: 14,
        startDay: '2026-12-07',
        contentTypes: ['text', 'voice'],
        window: { start: '06:00', end: '23:00' },
        cutoffMinutes: 120,
        capacity: 300,
        entry: { kind: 'invite_code', code: 'SPRING26' },
        points: {
          perCheckin: 10,
          streakMilestones: [
            { days: 7, bonus: 30 },
            { days: 14, bonus: 60 },
          ],
          completion: { minCheckins: 5, bonus: 100 },
          groupMultiplier: 2,
        },
        makeup: { maxCount: 2, withinDays: 3, cost: 20, keepsStreak: true },
        tasks: [],
      },
    ])
  })

  it('should send one create for a double tap, and the same request id on a retry after a failure', async () => {
    setRouteParams({ campId: 'c1' })
    let answer = { code: 'SYS.INTERNAL', message: '系统繁忙，请稍后再试' } as unknown
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'camp.adminCamp': ok(adminCampView()),
      'camp.createPeriod': () => answer,
    })
    render(<PeriodFormPage />)
    const save = await findById('save-period')
    pickDay('p-start', '2026-12-07')
    // Both taps land before React renders again (as two quick taps do on a phone).
    act(() => {
      save.click()
      save.click()
    })
    await findToast('系统繁忙，请稍后再试')
    expect(cloud.calls('camp.createPeriod')).toHaveLength(1)
    answer = ok(periodDoc({ _id: 'p2' }))
    fireEvent.click(save)
    await findToast('已创建，请设置每日任务')
    const [first, retry] = cloud.calls('camp.createPeriod') as unknown as { requestId: string }[]
    expect(retry.requestId).toBe(first.requestId)
  })

  it('should require a start day before creating', async () => {
    setRouteParams({ campId: 'c1' })
    const cloud = fakeCloud({ 'identity.me': adminMe, 'camp.adminCamp': ok(adminCampView([])), 'camp.createPeriod': ok(periodDoc()) })
    render(<PeriodFormPage />)

    fireEvent.click(await findById('save-period'))

    await findToast('请选择开营日期')
    expect(cloud.calls('camp.createPeriod')).toHaveLength(0)
  })

  it('should send only the changed rules when editing', async () => {
    setRouteParams({ campId: 'c1', periodId: 'p1' })
    const cloud = fakeCloud({ 'identity.me': adminMe, 'camp.adminCamp': ok(adminCampView()), 'camp.updatePeriod': ok(periodDoc()) })
    render(<PeriodFormPage />)

    await typeInto('m-cost', '30')
    fireEvent.click(await findById('p-entry-open'))
    fireEvent.click(await findById('save-period'))

    await findToast('已保存')
    expect(cloud.calls('camp.updatePeriod')).toEqual([
      {
        action: 'updatePeriod',
        periodId: 'p1',
        makeup: { maxCount: 2, withinDays: 3, cost: 30, keepsStreak: true },
        entry: { kind: 'open' },
      },
    ])
  })

  it('should reject a streak milestone longer than the period', async () => {
    setRouteParams({ campId: 'c1', periodId: 'p1' })
    const cloud = fakeCloud({ 'identity.me': adminMe, 'camp.adminCamp': ok(adminCampView()), 'camp.updatePeriod': ok(periodDoc()) })
    render(<PeriodFormPage />)

    await typeInto('p-milestones', '21:100')
    fireEvent.click(await findById('save-period'))

    await findToast('格式如 7:30, 14:60（天数 2-7，最多 10 项）')
    expect(cloud.calls('camp.updatePeriod')).toHaveLength(0)
  })

  it('should read only the camp for a new period, and number it after the latest one', async () => {
    setRouteParams({ campId: 'c1' })
    const cloud = fakeCloud({ 'identity.me': adminMe, 'camp.adminCamp': ok(adminCampView()) })
    render(<PeriodFormPage />)

    await waitFor(() => expect(inputOf('p-index').value).toBe('4'))
    expect(inputOf('p-capacity').value).toBe('200')
    expect(screen.getByText('创建（草稿）')).toBeTruthy()
    expect(cloud.calls('camp.adminCamp')).toEqual([{ action: 'adminCamp', campId: 'c1' }])
  })

  it('should show why the period could not load with 重试, and the filled form after 重试', async () => {
    setRouteParams({ campId: 'c1', periodId: 'p1' })
    let attempts = 0
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'camp.adminCamp': () => (++attempts === 1 ? fail('SYS.INTERNAL', '系统繁忙，请稍后再试') : ok(adminCampView())),
    })
    render(<PeriodFormPage />)

    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
    expect(document.getElementById('p-index')).toBeNull()
    fireEvent.click(await findById('retry'))
    await waitFor(() => expect(inputOf('p-index').value).toBe('3'))
    expect(inputOf('m-cost').value).toBe('20')
    expect(screen.getByText('保存修改')).toBeTruthy()
    expect(cloud.calls('camp.adminCamp')).toHaveLength(2)
  })

  it('should say so when the period is not in the camp', async () => {
    setRouteParams({ campId: 'c1', periodId: 'gone' })
    fakeCloud({ 'identity.me': adminMe, 'camp.adminCamp': ok(adminCampView()) })
    render(<PeriodFormPage />)

    expect(await screen.findByText('该期不存在')).toBeTruthy()
    expect(document.getElementById('retry')).toBeTruthy()
  })
})
