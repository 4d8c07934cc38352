import { fireEvent, render, screen } from '@testing-library/react'
import ReversePage from '@/features/mall-admin/pages/reverse/index'
import { answerModal, fail, fakeCloud, findById, findToast, modalClosed, ok, typeInto } from '../mall/support'
import { adminMe, freshSession } from './admin-support'
import { found, LELE } from './member-picks'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const keyOf = (n: number) => `${Date.UTC(2026, 10, 23, 4, n)}.tag${n}tag${n}tag${n}`.slice(0, 26)
const entry = (seq: number, overrides: Record<string, unknown> = {}) => ({
  id: `${LELE.handle}.${keyOf(seq)}`,
  key: keyOf(seq),
  amount: 10,
  reason: 'checkin',
  reasonLabel: '打卡奖励',
  at: Date.UTC(2026, 10, 23, 4, seq),
  balanceAfter: 10 * seq,
  member: { handle: LELE.handle, nickname: '乐乐妈妈' },
  reversed: false,
  reversible: true,
  ...overrides,
})
const ledger = ok({
  items: [
    entry(3),
    entry(2, { reason: 'redeem', reasonLabel: '积分兑换', amount: -30, reversible: false }),
    entry(1, { reversed: true, reversible: false }),
  ],
  nextBefore: null,
})
const reversed = ok({
  entry: { id: 'x', amount: -10, reason: 'reversal', reasonLabel: '冲正', at: 1, balanceAfter: 20 },
  replayed: false,
})

async function pickLele() {
  await typeInto('reverse-member-input', '乐乐')
  fireEvent.click(await findById('reverse-member-search'))
  fireEvent.click(await findById('reverse-member-row-0'))
}

describe('积分冲正 page', () => {
  beforeEach(async () => {
    freshSession()
    await modalClosed()
  })

  it('should reverse an entry picked from the member’s ledger by nickname, with a reason, after confirmation', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'identity.searchMembers': found(LELE),
      'points.audit': ledger,
      'points.reverse': reversed,
    })
    render(<ReversePage />)

    await pickLele()
    fireEvent.click(await findById(`audit-${LELE.handle}.${keyOf(3)}`))
    await typeInto('reverse-note', '重复发放')
    fireEvent.click(await findById('submit-reverse'))
    await answerModal('确认冲正「乐乐妈妈」打卡奖励 +10 积分？将记一笔 \u221210 积分。原因：重复发放', true)

    await findToast('已冲正')
    expect(cloud.calls('points.audit')[0]).toEqual({ action: 'audit', member: LELE.handle, limit: 20 })
    expect(cloud.calls('points.reverse')).toEqual([{ action: 'reverse', member: LELE.handle, entry: keyOf(3), note: '重复发放' }])
    expect(cloud.calls('points.audit')).toHaveLength(2)
  })

  it('should refuse to go on without a reason, and not reverse when the operator cancels', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'identity.searchMembers': found(LELE),
      'points.audit': ledger,
      'points.reverse': reversed,
    })
    render(<ReversePage />)

    await pickLele()
    fireEvent.click(await findById(`audit-${LELE.handle}.${keyOf(3)}`))
    fireEvent.click(await findById('submit-reverse'))
    expect(await screen.findByText('请写明冲正原因（2-100个字），会记入积分流水')).toBeTruthy()

    await typeInto('reverse-note', '重复发放')
    fireEvent.click(await findById('submit-reverse'))
    await answerModal(/确认冲正/, false)
    await modalClosed()
    expect(cloud.calls('points.reverse')).toHaveLength(0)
  })

  it('should not let a redemption or an already reversed entry be picked', async () => {
    fakeCloud({ 'identity.me': adminMe, 'identity.searchMembers': found(LELE), 'points.audit': ledger })
    render(<ReversePage />)

    await pickLele()
    fireEvent.click(await findById(`audit-${LELE.handle}.${keyOf(2)}`))
    fireEvent.click(await findById(`audit-${LELE.handle}.${keyOf(1)}`))

    expect(screen.getByText('不可冲正')).toBeTruthy()
    expect(screen.getAllByText('已冲正').length).toBeGreaterThanOrEqual(1)
    expect(document.getElementById('reverse-form')).toBeNull()
  })

  it('should show the Chinese message when the reversal is refused', async () => {
    fakeCloud({
      'identity.me': adminMe,
      'identity.searchMembers': found(LELE),
      'points.audit': ledger,
      'points.reverse': fail('POINTS.INSUFFICIENT', '积分不足'),
    })
    render(<ReversePage />)

    await pickLele()
    fireEvent.click(await findById(`audit-${LELE.handle}.${keyOf(3)}`))
    await typeInto('reverse-note', '重复发放')
    fireEvent.click(await findById('submit-reverse'))
    await answerModal(/确认冲正/, true)

    await findToast('积分不足')
  })
})
