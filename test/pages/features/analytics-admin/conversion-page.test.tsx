import { fireEvent, render, screen } from '@testing-library/react'
import ConversionPage from '@/features/analytics-admin/pages/conversion/index'
import { adminMe, freshSession } from '../mall-admin/admin-support'
import { answerModal, fakeCloud, findById, findToast, modalClosed, ok, setRouteParams, typeInto } from '../mall/support'
import { membersPage } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const saved = { periodId: 'p1', memberId: 'm-amy', round: 2, amountFen: 19_900, note: '', recordedAt: 1, updatedAt: 1 }

describe('转化登记 page', () => {
  beforeEach(async () => {
    freshSession()
    setRouteParams({ periodId: 'p1' })
    await modalClosed()
  })

  it('should ask for confirmation before recording, and record nothing when cancelled', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'analytics.periodMembers': ok(membersPage()),
      'analytics.recordConversion': ok(saved),
    })
    render(<ConversionPage />)

    fireEvent.click(await findById('member-m-amy'))
    fireEvent.click(await findById('round-2'))
    await typeInto('amount', '199')
    fireEvent.click(await findById('save-conversion'))
    await answerModal(/小美：第2轮「二轮跟进」，金额 ¥199.00/, false)
    expect(cloud.calls('analytics.recordConversion')).toHaveLength(0)

    fireEvent.click(await findById('save-conversion'))
    await answerModal(/确认登记付费转化吗/, true)
    await findToast('已登记')
    expect(cloud.calls('analytics.recordConversion')).toEqual([
      { action: 'recordConversion', periodId: 'p1', memberId: 'm-amy', round: 2, amountFen: 19_900 },
    ])
    expect((await findById('member-m-amy')).textContent).toContain('已付费（第2轮）')
  })

  it('should refuse an amount that is not money before asking anything', async () => {
    const cloud = fakeCloud({ 'identity.me': adminMe, 'analytics.periodMembers': ok(membersPage()) })
    render(<ConversionPage />)

    fireEvent.click(await findById('member-m-bo'))
    await typeInto('amount', '12.345')
    fireEvent.click(await findById('save-conversion'))
    await findToast('金额格式不正确')
    expect(cloud.calls('analytics.recordConversion')).toHaveLength(0)
  })

  it('should filter loaded members by nickname', async () => {
    fakeCloud({ 'identity.me': adminMe, 'analytics.periodMembers': ok(membersPage()) })
    render(<ConversionPage />)

    await findById('member-m-amy')
    await typeInto('member-search', '阿博')
    expect(screen.queryByText('小美')).toBeNull()
    expect(await screen.findByText('阿博')).toBeTruthy()
  })

  it('should ask for rounds first when the period has none', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'analytics.periodMembers': ok(membersPage({ rounds: [] })),
      'analytics.setRounds': ok([{ round: 1, name: '结营特惠', startDay: '2026-03-09' }]),
    })
    render(<ConversionPage />)

    fireEvent.click(await findById('member-m-amy'))
    expect(screen.queryByText('登记付费转化')).toBeNull()
    await typeInto('round-name-1', '结营特惠')
    await typeInto('round-day-1', '2026-03-09')
    fireEvent.click(await findById('save-rounds'))
    expect(await screen.findByText('登记付费转化')).toBeTruthy()
    expect(cloud.calls('analytics.setRounds')).toEqual([
      { action: 'setRounds', periodId: 'p1', rounds: [{ name: '结营特惠', startDay: '2026-03-09' }] },
    ])
  })

  it('should show the empty state of a period without members', async () => {
    fakeCloud({ 'identity.me': adminMe, 'analytics.periodMembers': ok(membersPage({ items: [] })) })
    render(<ConversionPage />)

    expect(await screen.findByText('这一期还没有学员')).toBeTruthy()
  })
})
