import { View } from '@tarojs/components'
import Cell from '@/shared/ui/cell'
import RoleGate from '@/shared/ui/role-gate'
import { goTo } from '@/shared/route'

const go = (page: 'items' | 'item-form' | 'codes' | 'fulfilment' | 'adjust' | 'reverse' | 'audit') => goTo(`mall-admin/${page}`)

export default function MallAdminHome() {
  return (
    <RoleGate role='admin'>
      <View style={{ paddingTop: '12px' }}>
        <Cell id='admin-items' title='商品管理' label='上下架、库存、兑换限制' isLink onClick={go('items')} />
        <Cell id='admin-new-item' title='新建商品' isLink onClick={go('item-form')} />
        <Cell id='admin-codes' title='导入兑换码' label='粘贴兑换码，每行一个' isLink onClick={go('codes')} />
        <Cell id='admin-fulfilment' title='待发放订单' label='按下单先后处理，填写物流单号' isLink onClick={go('fulfilment')} />
      </View>
      <View style={{ paddingTop: '12px' }}>
        <Cell id='admin-adjust' title='积分调整' label='为学员增加或扣减积分，须写明原因' isLink onClick={go('adjust')} />
        <Cell id='admin-reverse' title='积分冲正' label='按昵称找到学员，选一笔记录冲正' isLink onClick={go('reverse')} />
        <Cell id='admin-audit' title='积分流水' label='所有积分变动记录' isLink onClick={go('audit')} />
      </View>
    </RoleGate>
  )
}
