import { fireEvent, render, screen } from '@testing-library/react'
import AddressForm from '@/features/mall/components/address-form'
import MallPage from '@/features/mall/pages/index/index'
import { EMPTY_ADDRESS, type AddressDraft } from '@/features/mall/address-check'
import { byId, fakeCloud, findById, ok } from './support'
import { itemView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const balance = ok({ balance: 260, earned: 300, spent: 40, expiring: null })

describe('积分商城 cards show the item’s picture, with a designed fallback', () => {
  it('should show the first image of an item and the kind’s tile when it has none or it fails to load', async () => {
    const photo = 'cloud://dev.bucket/mall-items/seed/book.png'
    fakeCloud({
      'mall.listItems': ok({
        items: [
          itemView({ id: 'a', kind: 'physical', kindLabel: '实物', images: [photo], cover: photo }),
          itemView({ id: 'b', kind: 'code', kindLabel: '兑换码', cover: null }),
        ],
        cursor: null,
      }),
      'points.balance': balance,
    })
    render(<MallPage />)

    const image = await findById('item-a-image')
    expect(image.getAttribute('src')).toContain(encodeURIComponent(photo))
    expect(byId('item-b-fallback').textContent).toBe('码兑换码')
    // A picture that does not load falls back to the tile instead of a grey box.
    fireEvent.error(image.querySelector('img') ?? image)
    expect((await findById('item-a-fallback')).className).toContain('item-card__cover--physical')
  })
})

describe('收货地址: the region is picked, not typed', () => {
  function form() {
    const onChange = jest.fn((next: AddressDraft) => next)
    const view = render(<AddressForm value={EMPTY_ADDRESS} errors={{}} onChange={onChange} />)
    return { onChange, view }
  }

  it('should pick 省 → 市 → 区 from the division list, with no free-text region inputs', async () => {
    const f = form()
    expect(document.getElementById('address-province')).toBeNull()
    fireEvent.click(byId('address-region'))
    fireEvent.click(await screen.findByText('广东省'))
    fireEvent.click(await screen.findByText('深圳市'))
    fireEvent.click(await screen.findByText('南山区'))

    expect(f.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ province: '广东省', city: '深圳市', district: '南山区' }))
    expect(document.getElementById('region-sheet')).toBeNull()
  })

  it('should list a municipality’s districts under its city', async () => {
    const f = form()
    fireEvent.click(byId('address-region'))
    // GB/T 2260 codes: 北京市 110000 → 北京市 110100 → 朝阳区 110105.
    fireEvent.click(await findById('region-110000'))
    fireEvent.click(await findById('region-110100'))
    fireEvent.click(await findById('region-110105'))

    expect(f.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ province: '北京市', city: '北京市', district: '朝阳区' }))
  })
})
