import { fireEvent, render, waitFor } from '@testing-library/react'
import CampFormPage from '@/features/camp-admin/pages/camp-form/index'
import { refreshMe } from '@/shared/session'
import { fakeCloud, findById, findToast, inputOf, ok, setRouteParams, typeInto } from '../mall/support'
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
})
