import { fireEvent, render, screen } from '@testing-library/react'
import AuditPage from '@/features/mall-admin/pages/audit/index'
import { fail, fakeCloud, findById, ok, typeInto } from '../mall/support'
import { adminMe, freshSession } from './admin-support'
import { found, LELE } from './member-picks'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const row = {
  id: 'uLeLeMaMa00000010.1795406400000.AbCdEfGhIjKl',
  key: '1795406400000.AbCdEfGhIjKl',
  amount: -50,
  reason: 'adjust',
  reasonLabel: '人工调整',
  note: '重复发放',
  at: Date.UTC(2026, 10, 23, 4, 0),
  balanceAfter: 70,
  member: { handle: LELE.handle, nickname: '乐乐妈妈' },
  refLabel: '操作人 运营小王',
  reversed: true,
  reversible: false,
}

describe('积分流水 page', () => {
  beforeEach(() => freshSession())

  it('should list entries with the member’s name, signed amount, note, Beijing time and what the entry refers to in words', async () => {
    fakeCloud({ 'identity.me': adminMe, 'points.audit': ok({ items: [row], nextBefore: null }) })
    render(<AuditPage />)

    expect(await screen.findByText('\u221250')).toBeTruthy()
    expect(screen.getByText('乐乐妈妈')).toBeTruthy()
    expect(screen.getByText('重复发放')).toBeTruthy()
    expect(screen.getByText('已冲正')).toBeTruthy()
    expect(screen.getByText('2026-11-23 12:00 · 余额 70 · 操作人 运营小王')).toBeTruthy()
    expect(document.body.textContent).not.toMatch(/admin:|adjust:/)
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
      'identity.searchMembers': found(LELE),
      'points.audit': (req: { before?: number }) =>
        req.before === undefined ? ok({ items: [row], nextBefore: row.at }) : ok({ items: [], nextBefore: null }),
    })
    render(<AuditPage />)
    await screen.findByText('乐乐妈妈')

    await typeInto('audit-member-input', '乐乐')
    fireEvent.click(await findById('audit-member-search'))
    fireEvent.click(await findById('audit-member-row-0'))
    expect((await findById('audit-filter-name')).textContent).toBe('只看 乐乐妈妈')
    fireEvent.click(await screen.findByText('加载更多'))

    await screen.findByText('没有更多了')
    expect(cloud.calls('points.audit').slice(1)).toEqual([
      { action: 'audit', member: LELE.handle, limit: 20 },
      { action: 'audit', member: LELE.handle, before: row.at, limit: 20 },
    ])
  })
})
