import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ItemFormPage from '@/features/mall-admin/pages/item-form/index'
import { fakeUploads } from '../camp/fixtures'
import { byId, fail, fakeCloud, findById, findToast, inputOf, ok, setRouteParams, typeInto } from '../mall/support'
import { itemView } from '../mall/fixtures'
import { adminView } from '../materials/fixtures'
import { adminMe, freshSession } from './admin-support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

/** Answers Taro H5's real chooseMedia (a hidden file input) with the named files; jsdom draws no images. */
async function pickImages(names: string[]) {
  jest.spyOn(HTMLImageElement.prototype, 'complete', 'get').mockReturnValue(true)
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/jpeg;base64,')
  let n = 0
  URL.createObjectURL = jest.fn(() => `blob:local/${names[n++] ?? 'x.jpg'}`)
  fireEvent.click(await findById('f-images-add'))
  const input = await waitFor(() => {
    const el = document.getElementById('taroChooseMedia')
    if (!el) throw new Error('no picker')
    return el as HTMLInputElement
  })
  const files = names.map((name) => new File(['x'], name, { type: name.endsWith('png') ? 'image/png' : 'image/jpeg' }))
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  fireEvent.change(input)
}

describe('商品表单 page', () => {
  beforeEach(() => freshSession())
  afterEach(() => jest.restoreAllMocks())

  it('should open a new item as the empty form, with no 加载中 and no item request', async () => {
    setRouteParams({})
    const cloud = fakeCloud({ 'identity.me': adminMe })
    render(<ItemFormPage />)

    // Wait for the native input inside the web component, not only the element.
    expect((await waitFor(() => inputOf('f-title'))).value).toBe('')
    expect(screen.queryByText('加载中…')).toBeNull()
    expect(cloud.calls('mall.getItem')).toHaveLength(0)
  })

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

  it('should create a code item with a code pool made for it, never typed', async () => {
    setRouteParams({})
    const cloud = fakeCloud({ 'identity.me': adminMe, 'mall.createItem': ok(itemView()) })
    render(<ItemFormPage />)

    await waitFor(() => expect(inputOf('f-pool').value).toBe('保存后自动建立'))
    await typeInto('f-title', '视频会员月卡')
    await typeInto('f-cost', '300')
    fireEvent.click(await findById('save-item'))

    await findToast('已创建')
    expect(cloud.calls('mall.createItem')[0].item).toMatchObject({ kind: 'code', codePoolId: expect.stringMatching(/^pool-[a-z0-9]+$/) })
  })

  it('should create an unlock item for a material picked by its title, never typed', async () => {
    setRouteParams({})
    const materials = [adminView({ id: 'm1', title: '三年级口算题库' }), adminView({ id: 'm2', title: '五年级阅读书单' })]
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'materials.adminList': ok({ items: materials, cursor: null }),
      'mall.createItem': ok(itemView()),
    })
    render(<ItemFormPage />)

    fireEvent.click(await findById('kind-unlock'))
    await typeInto('f-title', '阅读书单解锁')
    await typeInto('f-cost', '50')
    await typeInto('f-stock', '100')
    fireEvent.click(await findById('save-item'))
    expect(await screen.findByText('请选择要解锁的资料 ›')).toBeTruthy()
    expect(cloud.calls('mall.createItem')).toHaveLength(0)

    const picker = await findById('f-target')
    act(() => {
      picker.dispatchEvent(new CustomEvent('change', { detail: { value: '1' }, bubbles: true }))
    })
    expect(await screen.findByText('五年级阅读书单 ›')).toBeTruthy()
    fireEvent.click(await findById('save-item'))

    await findToast('已创建')
    expect(cloud.calls('mall.createItem')[0].item).toMatchObject({ kind: 'unlock', unlockTarget: 'material', unlockTargetId: 'm2' })
    expect(cloud.calls('materials.adminList')).toEqual([{ action: 'adminList', limit: 50 }])
  })

  it('should say there is no material to unlock yet instead of an empty picker', async () => {
    setRouteParams({})
    fakeCloud({ 'identity.me': adminMe, 'materials.adminList': ok({ items: [], cursor: null }) })
    render(<ItemFormPage />)

    fireEvent.click(await findById('kind-unlock'))
    expect(await screen.findByText('还没有资料，请先在「资料管理」中上传')).toBeTruthy()
    expect(document.getElementById('f-target')).toBeNull()
  })

  it('should show a saved code item’s pool by a label naming the item', async () => {
    setRouteParams({ itemId: 'i1' })
    fakeCloud({ 'identity.me': adminMe, 'mall.getItem': ok(itemView()) })
    render(<ItemFormPage />)

    await waitFor(() => expect(inputOf('f-pool').value).toBe('「定制笔记本」的兑换码池（编号 coupon-2026）'))
  })

  it('should upload picked images instead of taking pasted addresses, and send their fileIDs', async () => {
    setRouteParams({})
    const uploads = fakeUploads()
    const cloud = fakeCloud({ 'identity.me': adminMe, 'mall.createItem': ok(itemView()) })
    render(<ItemFormPage />)

    fireEvent.click(await findById('kind-physical'))
    await pickImages(['a.png', 'b.jpg'])
    await findById('f-images-1')
    fireEvent.click(byId('f-images-remove-0'))
    await typeInto('f-title', '帆布袋')
    await typeInto('f-cost', '200')
    await typeInto('f-stock', '30')
    fireEvent.click(await findById('save-item'))

    await findToast('已创建')
    const paths = uploads.paths
    uploads.restore()
    expect(paths).toEqual([expect.stringMatching(/^mall-items\/[a-z0-9]+-[a-z0-9]+\.png$/), expect.stringMatching(/^mall-items\/.+\.jpg$/)])
    expect(cloud.calls('mall.createItem')[0].item).toMatchObject({ images: [`cloud://dev.bucket/${paths[1]}`] })
    expect(document.getElementById('f-images-input')).toBeNull()
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
