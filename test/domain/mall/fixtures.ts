import type { MallItem } from '@cloud/domain/mall'

export const NOW = Date.parse('2026-11-24T04:00:00Z')

export const physicalItem = (over: Partial<MallItem> = {}): MallItem =>
  ({
    _id: 'item-mug',
    title: '定制马克杯',
    description: '',
    images: ['cloud://env/mug.png'],
    cost: 300,
    stock: 5,
    perMemberLimit: 1,
    saleStart: null,
    saleEnd: null,
    onShelf: true,
    createdAt: 0,
    updatedAt: 0,
    kind: 'physical',
    ...over,
  }) as MallItem

export const codeItem = (over: Partial<MallItem> = {}): MallItem =>
  ({ ...physicalItem(), _id: 'item-vip', title: '会员兑换码', kind: 'code', codePoolId: 'pool-vip', ...over }) as MallItem

export const unlockItem = (over: Partial<MallItem> = {}): MallItem =>
  ({
    ...physicalItem(),
    _id: 'item-math',
    title: '数学真题',
    kind: 'unlock',
    unlockTarget: 'material',
    unlockTargetId: 'mat-1',
    ...over,
  }) as MallItem

export const ADDRESS = {
  name: '张三',
  phone: '13812345678',
  province: '广东省',
  city: '深圳市',
  district: '南山区',
  detail: '科技园一路 1 号',
}
