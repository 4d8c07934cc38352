import { fireEvent, render, screen } from '@testing-library/react'
import CodesPage from '@/features/mall-admin/pages/codes/index'
import { fail, fakeCloud, findById, findToast, ok, typeInto } from '../mall/support'
import { adminMe, freshSession } from './admin-support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('导入兑换码 page', () => {
  beforeEach(() => freshSession())

  it('should send the pasted codes, one per line, without blanks or repeats', async () => {
    const cloud = fakeCloud({ 'identity.me': adminMe, 'mall.addCodes': ok({ added: 2, duplicates: [], stock: 12 }) })
    render(<CodesPage />)

    await typeInto('pool-id', 'vip-2026')
    await typeInto('codes-text', 'AAAA-1111\n\n  BBBB-2222 \nAAAA-1111\n')
    expect(await screen.findByText(/共 2 个有效兑换码/)).toBeTruthy()
    fireEvent.click(await findById('import-codes'))

    await findToast('已导入 2 个，当前库存 12')
    expect(cloud.calls('mall.addCodes')).toEqual([{ action: 'addCodes', poolId: 'vip-2026', codes: ['AAAA-1111', 'BBBB-2222'] }])
  })

  it('should say which codes were duplicates and not imported', async () => {
    fakeCloud({ 'identity.me': adminMe, 'mall.addCodes': ok({ added: 1, duplicates: ['AAAA-1111'], stock: 3 }) })
    render(<CodesPage />)

    await typeInto('pool-id', 'vip-2026')
    await typeInto('codes-text', 'AAAA-1111\nBBBB-2222')
    fireEvent.click(await findById('import-codes'))

    await findToast('已导入 1 个，1 个重复未导入（如 AAAA-1111），当前库存 3')
  })

  it('should refuse to import when a line is not a valid code', async () => {
    const cloud = fakeCloud({ 'identity.me': adminMe, 'mall.addCodes': ok({ added: 0, duplicates: [], stock: 0 }) })
    render(<CodesPage />)

    await typeInto('pool-id', 'vip-2026')
    await typeInto('codes-text', 'AAAA-1111\n兑换码!')
    fireEvent.click(await findById('import-codes'))

    await findToast('有 1 行格式不正确，请修改后再导入')
    expect(cloud.calls('mall.addCodes')).toHaveLength(0)
  })

  it('should show the Chinese message of a refusal', async () => {
    fakeCloud({ 'identity.me': adminMe, 'mall.addCodes': fail('MALL.POOL_NOT_FOUND', '兑换码池不存在') })
    render(<CodesPage />)

    await typeInto('pool-id', 'nope')
    await typeInto('codes-text', 'AAAA-1111')
    fireEvent.click(await findById('import-codes'))

    await findToast('兑换码池不存在')
  })
})
