import { View } from '@tarojs/components'
import RoleGate from '@/shared/ui/role-gate'
import Cell from '@/shared/ui/cell'
import { goTo } from '@/shared/route'

export default function AnalyticsHome() {
  return (
    <RoleGate role='admin'>
      <View style={{ paddingTop: '12px' }}>
        <Cell id='an-layers' title='用户分层' label='各层人数与层级流转' isLink onClick={goTo('analytics-admin/layers')} />
        <Cell
          id='an-period'
          title='期次数据'
          label='漏斗、渠道与海报、参与留存、打卡时段、转化轮次'
          isLink
          onClick={goTo('analytics-admin/periods', { next: 'period' })}
        />
        <Cell
          id='an-conversion'
          title='转化登记'
          label='登记学员付费转化，设置转化轮次'
          isLink
          onClick={goTo('analytics-admin/periods', { next: 'conversion' })}
        />
        <Cell
          id='an-export'
          title='导出'
          label='导出期次学员表（CSV，可用 Excel 打开）'
          isLink
          onClick={goTo('analytics-admin/periods', { next: 'export' })}
        />
      </View>
    </RoleGate>
  )
}
