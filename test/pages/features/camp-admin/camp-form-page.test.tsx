import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import CampFormPage from '@/features/camp-admin/pages/camp-form/index'
import { refreshMe } from '@/shared/session'
import { fail, fakeCloud, findById, findToast, inputOf, ok, setRouteParams, typeInto } from '../mall/support'
import { adminCampView, adminMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('打卡营设置 page', () => {
  beforeEach(() => refreshMe())

  it('should require a cover before creating', async () => {
    setRouteParams({})
    const cloud = fakeCloud({ 'identity.me': adminMe, 'camp.createCamp': ok(adminCampView()) })
    render(<CampFormPage />)

    await typeInto('c-title', '14 天数学思维')
    fireEvent.click(await findById('save-camp'))

    await findToast('请上传封面图')
    expect(cloud.calls('camp.createCamp')).toHaveLength(0)
  })

  it('should load the camp and send only the changed fields', async () => {
    setRouteParams({ campId: 'c1' })
    const cloud = fakeCloud({ 'identity.me': adminMe, 'camp.adminCamp': ok(adminCampView()), 'camp.updateCamp': ok(adminCampView()) })
    render(<CampFormPage />)

    await waitFor(() => expect(inputOf('c-title').value).toBe('21 天英语口语打卡'))
    await typeInto('c-title', '21 天英语口语营')
    fireEvent.click(await findById('c-grade-g4'))
    fireEvent.click(await findById('save-camp'))

    await findToast('已保存')
    expect(cloud.calls('camp.updateCamp')).toEqual([
      { action: 'updateCamp', campId: 'c1', title: '21 天英语口语营', gradeTags: ['g3', 'g4'] },
    ])
  })

  it('should open a new camp as the empty form, with no 加载中 and no camp request', async () => {
    setRouteParams({})
    const cloud = fakeCloud({ 'identity.me': adminMe })
    render(<CampFormPage />)

    // The web component renders its native input a tick after the element itself: wait for the input, not the element.
    const title = await waitFor(() => inputOf('c-title'))
    expect(title.value).toBe('')
    expect(screen.queryByText('加载中…')).toBeNull()
    expect(cloud.calls('camp.adminCamp')).toHaveLength(0)
  })

  it('should show why the camp could not load with 重试, and the filled form after 重试', async () => {
    setRouteParams({ campId: 'c1' })
    let attempts = 0
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'camp.adminCamp': () => (++attempts === 1 ? fail('SYS.INTERNAL', '系统繁忙，请稍后再试') : ok(adminCampView())),
    })
    render(<CampFormPage />)

    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
    expect(document.getElementById('c-title')).toBeNull()
    fireEvent.click(await findById('retry'))
    await waitFor(() => expect(inputOf('c-title').value).toBe('21 天英语口语打卡'))
    expect(screen.getByText('保存修改')).toBeTruthy()
    expect(cloud.calls('camp.adminCamp')).toEqual([
      { action: 'adminCamp', campId: 'c1' },
      { action: 'adminCamp', campId: 'c1' },
    ])
  })
})
