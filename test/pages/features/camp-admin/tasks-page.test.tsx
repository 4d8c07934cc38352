import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import TasksPage from '@/features/camp-admin/pages/tasks/index'
import { refreshMe } from '@/shared/session'
import { fail, fakeCloud, findById, findToast, inputOf, ok, setRouteParams, typeInto } from '../mall/support'
import { adminCampView, adminMe, periodDoc } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('每日任务 page', () => {
  beforeEach(() => {
    refreshMe()
    setRouteParams({ campId: 'c1', periodId: 'p1' })
  })

  it('should show one row per day filled with the saved tasks', async () => {
    fakeCloud({ 'identity.me': adminMe, 'camp.adminCamp': ok(adminCampView()) })
    render(<TasksPage />)

    await waitFor(() => expect(inputOf('t-theme-1').value).toBe('自我介绍'))
    await waitFor(() => expect(inputOf('t-theme-7').value).toBe(''))
  })

  it('should save the days that have a theme', async () => {
    const cloud = fakeCloud({ 'identity.me': adminMe, 'camp.adminCamp': ok(adminCampView()), 'camp.setTasks': ok(periodDoc()) })
    render(<TasksPage />)

    await typeInto('t-theme-2', '我的家人')
    await typeInto('t-text-2', '介绍一位家人')
    fireEvent.click(await findById('save-tasks'))

    await findToast('已保存 2 天的任务')
    expect(cloud.calls('camp.setTasks')).toEqual([
      {
        action: 'setTasks',
        periodId: 'p1',
        tasks: [
          { day: 1, theme: '自我介绍', instructions: '30 秒' },
          { day: 2, theme: '我的家人', instructions: '介绍一位家人' },
        ],
      },
    ])
  })

  it('should ask for a theme when a day has instructions only', async () => {
    const cloud = fakeCloud({ 'identity.me': adminMe, 'camp.adminCamp': ok(adminCampView()), 'camp.setTasks': ok(periodDoc()) })
    render(<TasksPage />)

    await typeInto('t-text-3', '读一段课文')
    fireEvent.click(await findById('save-tasks'))

    await findToast('请填写第 3 天的主题')
    expect(cloud.calls('camp.setTasks')).toHaveLength(0)
  })

  it('should show the function error message', async () => {
    fakeCloud({ 'identity.me': adminMe, 'camp.adminCamp': fail('CAMP.NOT_FOUND', '打卡营不存在') })
    render(<TasksPage />)

    expect(await screen.findByText('打卡营不存在')).toBeTruthy()
  })
})
