import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import MaterialsAdminPage from '@/features/materials-admin/pages/index/index'
import { answerModal, fail, fakeCloud, findById, modalClosed, ok } from '../mall/support'
import { adminMe, freshSession, memberMe } from '../mall-admin/admin-support'
import { adminView } from '../materials/fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('资料库管理 list page', () => {
  beforeEach(async () => {
    freshSession()
    await modalClosed()
  })

  it('should list every material with its download and member counts', async () => {
    fakeCloud({ 'identity.me': adminMe, 'materials.adminList': ok({ items: [adminView()], cursor: null }) })
    render(<MaterialsAdminPage />)

    expect(await screen.findByText('三年级数学思维题库')).toBeTruthy()
    expect((await findById('counts-m1')).textContent).toBe('下载 12 次 · 5 人')
  })

  it('should take a material off the shelf after confirmation', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'materials.adminList': ok({ items: [adminView()], cursor: null }),
      'materials.setShelf': ok(adminView({ onShelf: false })),
    })
    render(<MaterialsAdminPage />)

    fireEvent.click(await findById('shelf-m1'))
    await answerModal(/下架后学员将看不到「三年级数学思维题库」/, true)

    await waitFor(() => expect((document.getElementById('shelf-m1')?.textContent ?? '').trim()).toBe('上架'))
    expect(cloud.calls('materials.setShelf')).toEqual([{ action: 'setShelf', materialId: 'm1', onShelf: false }])
  })

  it('should show the empty state and the error state', async () => {
    fakeCloud({ 'identity.me': adminMe, 'materials.adminList': ok({ items: [], cursor: null }) })
    const { unmount } = render(<MaterialsAdminPage />)
    expect(await screen.findByText('还没有资料，点击「新建资料」添加')).toBeTruthy()
    unmount()

    fakeCloud({ 'identity.me': adminMe, 'materials.adminList': fail('SYS.INTERNAL', '系统繁忙，请稍后再试') })
    render(<MaterialsAdminPage />)
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
  })

  it('should not show the list to a member', async () => {
    const cloud = fakeCloud({ 'identity.me': memberMe })
    render(<MaterialsAdminPage />)

    expect(await screen.findByText('仅运营人员可以使用该功能')).toBeTruthy()
    expect(cloud.calls('materials.adminList')).toHaveLength(0)
  })
})
