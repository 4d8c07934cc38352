import { fireEvent, render, screen } from '@testing-library/react'
import CodesPage from '@/features/mall-admin/pages/codes/index'
import { fail, fakeCloud, findById, findToast, ok, typeInto } from '../mall/support'
import { itemView } from '../mall/fixtures'
import { adminMe, freshSession } from './admin-support'

const items = ok({
  items: [itemView(), itemView({ id: 'i2', title: '帆布袋', kind: 'physical', codePool: null })],
  cursor: null,
})
const pickNotebook = async () => {
  fireEvent.click(await findById('pool-item-i1'))
  expect((await findById('pool-label')).textContent).toBe('导入到：「定制笔记本」的兑换码池（编号 coupon-2026）')
}

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('导入兑换码 page', () => {
  beforeEach(() => freshSession())

  it('should send the pasted codes, one per line, without blanks or repeats', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'mall.listItems': items,
      'mall.addCodes': ok({ added: 2, duplicates: [], stock: 12 }),
    })
    render(<CodesPage />)

    await pickNotebook()
    expect(document.getElementById('pool-item-i2')).toBeNull()
    await typeInto('codes-text', 'AAAA-1111\n\n  BBBB-2222 \nAAAA-1111\n')
    expect(await screen.findByText(/共 2 个有效兑换码/)).toBeTruthy()
    fireEvent.click(await findById('import-codes'))

    await findToast('已导入 2 个，当前库存 12')
    expect(cloud.calls('mall.addCodes')).toEqual([{ action: 'addCodes', poolId: 'coupon-2026', codes: ['AAAA-1111', 'BBBB-2222'] }])
  })

  it('should say which codes were duplicates and not imported', async () => {
    fakeCloud({ 'identity.me': adminMe, 'mall.listItems': items, 'mall.addCodes': ok({ added: 1, duplicates: ['AAAA-1111'], stock: 3 }) })
    render(<CodesPage />)

    await pickNotebook()
    await typeInto('codes-text', 'AAAA-1111\nBBBB-2222')
    fireEvent.click(await findById('import-codes'))

    await findToast('已导入 1 个，1 个重复未导入（如 AAAA-1111），当前库存 3')
  })

  it('should refuse to import when a line is not a valid code', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'mall.listItems': items,
      'mall.addCodes': ok({ added: 0, duplicates: [], stock: 0 }),
    })
    render(<CodesPage />)

    await pickNotebook()
    await typeInto('codes-text', 'AAAA-1111\n兑换码!')
    fireEvent.click(await findById('import-codes'))

    await findToast('有 1 行格式不正确，请修改后再导入')
    expect(cloud.calls('mall.addCodes')).toHaveLength(0)
  })

  it('should ask for an item to be picked, with no pool id to type', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'mall.listItems': items,
      'mall.addCodes': ok({ added: 0, duplicates: [], stock: 0 }),
    })
    render(<CodesPage />)

    await typeInto('codes-text', 'AAAA-1111')
    fireEvent.click(await findById('import-codes'))

    await findToast('请先选择要导入兑换码的商品')
    expect(document.getElementById('pool-id')).toBeNull()
    expect(cloud.calls('mall.addCodes')).toHaveLength(0)
  })

  it('should show the Chinese message of a refusal', async () => {
    fakeCloud({ 'identity.me': adminMe, 'mall.listItems': items, 'mall.addCodes': fail('MALL.POOL_NOT_FOUND', '兑换码池不存在') })
    render(<CodesPage />)

    await pickNotebook()
    await typeInto('codes-text', 'AAAA-1111')
    fireEvent.click(await findById('import-codes'))

    await findToast('兑换码池不存在')
  })
})
