import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import RoleGate from '@/shared/ui/role-gate'
import Cell from '@/shared/ui/cell'

const go = (url: string) => () => void Taro.navigateTo({ url: `/features/analytics-admin/pages/${url}` })

export default function AnalyticsHome() {
  return (
    <RoleGate role='admin'>
      <View style={{ paddingTop: '12px' }}>
        <Cell id='an-layers' title='用户分层' label='各层人数与层级流转' isLink onClick={go('layers/index')} />
        <Cell
          id='an-period'
          title='期次数据'
          label='漏斗、渠道与海报、参与留存、打卡时段、转化轮次'
          isLink
          onClick={go('periods/index?next=period')}
        />
        <Cell
          id='an-conversion'
          title='转化登记'
          label='登记学员付费转化，设置转化轮次'
          isLink
          onClick={go('periods/index?next=conversion')}
        />
        <Cell id='an-export' title='导出' label='导出期次学员表（CSV，可用 Excel 打开）' isLink onClick={go('periods/index?next=export')} />
      </View>
    </RoleGate>
  )
}
