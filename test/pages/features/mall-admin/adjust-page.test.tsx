import { fireEvent, render, screen } from '@testing-library/react'
import AdjustPage from '@/features/mall-admin/pages/adjust/index'
import { answerModal, fail, fakeCloud, findById, findToast, modalClosed, ok, typeInto } from '../mall/support'
import { adminMe, freshSession, memberMe } from './admin-support'
import { found, LELE } from './member-picks'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const applied = ok({
  entry: { id: 'adjust:x', amount: -50, reason: 'adjust', reasonLabel: '人工调整', at: 1, balanceAfter: 70 },
  replayed: false,
})

async function fill(direction: 'add' | 'deduct', amount: string, note: string) {
  await typeInto('adjust-member-input', '乐乐')
  fireEvent.click(await findById('adjust-member-search'))
  fireEvent.click(await findById('adjust-member-row-0'))
  await findById('adjust-member-name')
  fireEvent.click(await findById(`direction-${direction}`))
  await typeInto('adjust-amount', amount)
  await typeInto('adjust-note', note)
}

describe('积分调整 page', () => {
  beforeEach(async () => {
    freshSession()
    await modalClosed()
  })

  it('should send the signed integer, the note and a request id after confirmation', async () => {
    const cloud = fakeCloud({ 'identity.me': adminMe, 'identity.searchMembers': found(LELE), 'points.adjust': applied })
    render(<AdjustPage />)

    await fill('deduct', '50', '重复发放的奖励')
    fireEvent.click(await findById('submit-adjust'))
    await answerModal('确认为学员「乐乐妈妈」扣减 50 积分？原因：重复发放的奖励', true)

    await findToast('已调整')
    expect(cloud.calls('identity.searchMembers')).toEqual([{ action: 'searchMembers', query: '乐乐', limit: 10 }])
    expect(cloud.calls('points.adjust')).toEqual([
      {
        action: 'adjust',
        member: LELE.handle,
        amount: -50,
        note: '重复发放的奖励',
        requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,36}$/),
      },
    ])
  })

  it('should not adjust when the admin cancels the confirmation', async () => {
    const cloud = fakeCloud({ 'identity.me': adminMe, 'identity.searchMembers': found(LELE), 'points.adjust': applied })
    render(<AdjustPage />)

    await fill('add', '20', '线下活动奖励')
    fireEvent.click(await findById('submit-adjust'))
    await answerModal(/增加 20 积分/, false)

    await modalClosed()
    expect(cloud.calls('points.adjust')).toHaveLength(0)
  })

  it('should block a missing note before asking', async () => {
    const cloud = fakeCloud({ 'identity.me': adminMe, 'identity.searchMembers': found(LELE), 'points.adjust': applied })
    render(<AdjustPage />)

    await fill('add', '20', '')
    fireEvent.click(await findById('submit-adjust'))

    await findToast('请写明调整原因（2-100个字），会记入积分流水')
    expect(cloud.calls('points.adjust')).toHaveLength(0)
  })

  it('should retry with the same request id after a failed call', async () => {
    let tries = 0
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'identity.searchMembers': found(LELE),
      'points.adjust': () => (++tries === 1 ? Promise.reject(new Error('lost')) : applied),
    })
    render(<AdjustPage />)

    await fill('add', '20', '线下活动奖励')
    fireEvent.click(await findById('submit-adjust'))
    await answerModal(/增加 20 积分/, true)
    await findToast('网络开小差了，请稍后重试')
    fireEvent.click(await findById('submit-adjust'))
    await answerModal(/增加 20 积分/, true)

    await findToast('已调整')
    const [first, second] = cloud.calls('points.adjust')
    expect(second.requestId).toBe(first.requestId)
  })

  it('should show the Chinese message of a refusal', async () => {
    fakeCloud({
      'identity.me': adminMe,
      'identity.searchMembers': found(LELE),
      'points.adjust': fail('POINTS.MEMBER_NOT_FOUND', '学员不存在'),
    })
    render(<AdjustPage />)

    await fill('add', '20', '线下活动奖励')
    fireEvent.click(await findById('submit-adjust'))
    await answerModal(/增加 20 积分/, true)

    await findToast('学员不存在')
  })

  it('should ask for a member to be picked instead of an id, and offer no id field', async () => {
    const cloud = fakeCloud({ 'identity.me': adminMe, 'points.adjust': applied })
    render(<AdjustPage />)

    await typeInto('adjust-amount', '20')
    await typeInto('adjust-note', '线下活动奖励')
    fireEvent.click(await findById('submit-adjust'))

    await findToast('请先搜索并选择学员')
    expect(screen.queryByText(/openid|学员编号/)).toBeNull()
    expect(cloud.calls('points.adjust')).toHaveLength(0)
  })

  it('should say so when the search finds nobody', async () => {
    fakeCloud({ 'identity.me': adminMe, 'identity.searchMembers': found() })
    render(<AdjustPage />)

    await typeInto('adjust-member-input', '不存在')
    fireEvent.click(await findById('adjust-member-search'))

    expect(await screen.findByText('没有找到匹配的学员，换个昵称或手机尾号试试')).toBeTruthy()
  })

  it('should not show the form to a member who is not an admin', async () => {
    fakeCloud({ 'identity.me': memberMe })
    render(<AdjustPage />)

    expect(await screen.findByText('仅运营人员可以使用该功能')).toBeTruthy()
    expect(document.getElementById('submit-adjust')).toBeNull()
  })
})
