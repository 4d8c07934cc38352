import { fireEvent, render, screen } from '@testing-library/react'
import AuditPage from '@/features/mall-admin/pages/audit/index'
import { fail, fakeCloud, findById, ok, typeInto } from '../mall/support'
import { adminMe, freshSession } from './admin-support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const row = {
  id: 'adjust:r1',
  seq: 3,
  amount: -50,
  reason: 'adjust',
  reasonLabel: '人工调整',
  note: '重复发放',
  at: Date.UTC(2026, 10, 23, 4, 0),
  balanceAfter: 70,
  memberId: 'm-01',
  ref: 'admin:admin-01',
}

describe('积分流水 page', () => {
  beforeEach(() => freshSession())

  it('should list entries with member, signed amount, note and Beijing time', async () => {
    fakeCloud({ 'identity.me': adminMe, 'points.audit': ok({ items: [row], nextBefore: null }) })
    render(<AuditPage />)

    expect(await screen.findByText('\u221250')).toBeTruthy()
    expect(screen.getByText('m-01')).toBeTruthy()
    expect(screen.getByText('重复发放')).toBeTruthy()
    expect(screen.getByText(/2026-11-23 12:00 · 余额 70/)).toBeTruthy()
  })

  it('should show the empty state', async () => {
    fakeCloud({ 'identity.me': adminMe, 'points.audit': ok({ items: [], nextBefore: null }) })
    render(<AuditPage />)

    expect(await screen.findByText('还没有积分记录')).toBeTruthy()
  })

  it('should show the error message', async () => {
    fakeCloud({ 'identity.me': adminMe, 'points.audit': fail('AUTH.FORBIDDEN', '没有权限') })
    render(<AuditPage />)

    expect(await screen.findByText('没有权限')).toBeTruthy()
  })

  it('should filter by member and page with the last entry time', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'points.audit': (req: { before?: number }) =>
        req.before === undefined ? ok({ items: [row], nextBefore: row.at }) : ok({ items: [], nextBefore: null }),
    })
    render(<AuditPage />)
    await screen.findByText('m-01')

    await typeInto('audit-member', 'm-01')
    fireEvent.click(await findById('audit-search'))
    fireEvent.click(await screen.findByText('加载更多'))

    await screen.findByText('没有更多了')
    expect(cloud.calls('points.audit').slice(1)).toEqual([
      { action: 'audit', memberId: 'm-01', limit: 20 },
      { action: 'audit', memberId: 'm-01', before: row.at, limit: 20 },
    ])
  })
})
