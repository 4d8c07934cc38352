import { fireEvent, render, screen } from '@testing-library/react'
import ItemFormPage from '@/features/mall-admin/pages/item-form/index'
import { fail, fakeCloud, findById, findToast, ok, setRouteParams, typeInto } from '../mall/support'
import { itemView } from '../mall/fixtures'
import { adminMe, freshSession } from './admin-support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('商品表单 page', () => {
  beforeEach(() => freshSession())

  it('should create a physical item with the typed fields', async () => {
    setRouteParams({})
    const cloud = fakeCloud({ 'identity.me': adminMe, 'mall.createItem': ok(itemView()) })
    render(<ItemFormPage />)

    fireEvent.click(await findById('kind-physical'))
    await typeInto('f-title', '帆布袋')
    await typeInto('f-cost', '200')
    await typeInto('f-stock', '30')
    await typeInto('f-limit', '')
    fireEvent.click(await findById('shelf-on'))
    fireEvent.click(await findById('save-item'))

    await findToast('已创建')
    expect(cloud.calls('mall.createItem')[0].item).toEqual({
      kind: 'physical',
      title: '帆布袋',
      description: '',
      images: [],
      cost: 200,
      stock: 30,
      perMemberLimit: null,
      saleStart: null,
      saleEnd: null,
      onShelf: true,
    })
  })

  it('should require the code pool of a code item before saving', async () => {
    setRouteParams({})
    const cloud = fakeCloud({ 'identity.me': adminMe, 'mall.createItem': ok(itemView()) })
    render(<ItemFormPage />)

    await typeInto('f-title', '视频会员月卡')
    await typeInto('f-cost', '300')
    fireEvent.click(await findById('save-item'))

    await findToast('请填写兑换码池编号（字母、数字、_ . -）')
    expect(cloud.calls('mall.createItem')).toHaveLength(0)
  })

  it('should send only the changed fields when editing', async () => {
    setRouteParams({ itemId: 'i1' })
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'mall.getItem': ok(itemView({ kind: 'physical' })),
      'mall.updateItem': ok(itemView()),
    })
    render(<ItemFormPage />)

    await screen.findByText('保存修改')
    await typeInto('f-cost', '120')
    fireEvent.click(await findById('save-item'))

    await findToast('已保存')
    expect(cloud.calls('mall.updateItem')).toEqual([{ action: 'updateItem', itemId: 'i1', patch: { cost: 120 } }])
  })

  it('should show the error message when the item cannot be loaded', async () => {
    setRouteParams({ itemId: 'gone' })
    fakeCloud({ 'identity.me': adminMe, 'mall.getItem': fail('MALL.ITEM_NOT_FOUND', '商品不存在') })
    render(<ItemFormPage />)

    expect(await screen.findByText('商品不存在')).toBeTruthy()
  })
})
