import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Cell from '@/shared/ui/cell'
import Empty from '@/shared/ui/empty'
import { isAdmin, useMe } from '@/shared/session'
import DevEntries from './dev-entries'
import { COLORS } from '@/shared/ui/tokens'

const go = (url: string) => () => void Taro.navigateTo({ url })

export default function Me() {
  const { me } = useMe()
  return (
    <View className='me'>
      {me ? (
        <View id='me-name' style={{ padding: '24px 16px', background: COLORS.white, fontSize: '18px' }}>
          {me.nickname || '学员'}
        </View>
      ) : (
        <Empty description='登录后可查看我的打卡、积分与兑换记录' />
      )}
      <View style={{ marginTop: '12px' }}>
        <Cell id='me-points' title='我的积分' isLink onClick={go('/features/points/pages/index/index')} />
        <Cell id='me-mall' title='积分商城' isLink onClick={go('/features/mall/pages/index/index')} />
        <Cell id='me-orders' title='我的兑换' isLink onClick={go('/features/mall/pages/orders/index')} />
        <Cell id='me-classes' title='我的免费课' isLink onClick={go('/features/classes/pages/mine/index')} />
        <Cell
          id='me-invite'
          title='邀请好友'
          label='好友完成首次打卡或报名免费课后得积分'
          isLink
          onClick={go('/features/invite/pages/index/index')}
        />
      </View>
      {me?.isTeacher || isAdmin(me) ? (
        <View style={{ marginTop: '12px' }}>
          <Cell
            id='me-review'
            title='点评工作台'
            label='今日待点评、常用语、点评统计'
            isLink
            onClick={go('/features/review/pages/index/index')}
          />
          <Cell
            id='me-classes-admin'
            title='免费课管理'
            label='场次名单、出勤与销售线索'
            isLink
            onClick={go('/features/classes-admin/pages/index/index')}
          />
        </View>
      ) : null}
      {isAdmin(me) ? (
        <View style={{ marginTop: '12px' }}>
          <Cell id='me-camp-admin' title='打卡营管理' isLink onClick={go('/features/camp-admin/pages/index/index')} />
          <Cell id='me-mall-admin' title='积分商城管理' isLink onClick={go('/features/mall-admin/pages/index/index')} />
          <Cell id='me-materials-admin' title='资料库管理' isLink onClick={go('/features/materials-admin/pages/index/index')} />
          <Cell
            id='me-analytics'
            title='数据看板'
            label='用户分层、期次漏斗、转化登记与导出'
            isLink
            onClick={go('/features/analytics-admin/pages/index/index')}
          />
        </View>
      ) : null}
      <DevEntries />
    </View>
  )
}
