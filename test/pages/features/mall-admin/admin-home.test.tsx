import { render, screen } from '@testing-library/react'
import MallAdminHome from '@/features/mall-admin/pages/index/index'
import { fakeCloud } from '../mall/support'
import { adminMe, freshSession, memberMe } from './admin-support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('积分商城管理 home', () => {
  beforeEach(() => freshSession())

  it('should list the admin tools for an admin', async () => {
    fakeCloud({ 'identity.me': adminMe })
    render(<MallAdminHome />)

    expect(await screen.findByText('商品管理')).toBeTruthy()
    for (const title of ['新建商品', '导入兑换码', '待发放订单', '积分调整', '积分流水']) expect(screen.getByText(title)).toBeTruthy()
  })

  it('should tell a member the tools are for staff', async () => {
    fakeCloud({ 'identity.me': memberMe })
    render(<MallAdminHome />)

    expect(await screen.findByText('仅运营人员可以使用该功能')).toBeTruthy()
    expect(screen.queryByText('商品管理')).toBeNull()
  })
})
