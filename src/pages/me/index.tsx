import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Cell from '@/shared/ui/cell'
import Empty from '@/shared/ui/empty'
import { pageUrl, useOnReturn } from '@/shared/route'
import { isAdmin, useMe } from '@/shared/session'
import EntryGrid from '../home/components/entry-grid'
import ProfileHeader from '../home/components/profile-header'
import { loadHome, reviewUrl, type HomeView } from '../home/home-data'
import DevEntries from './dev-entries'
import './index.scss'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** 我的: avatar and nickname, points / streak / unread reviews (camp.home), my entries, then staff tools by role. */
export default function Me() {
  const { me, loading } = useMe()
  const [view, setView] = useState<HomeView | null>(null)
  const [failed, setFailed] = useState(false)
  const refresh = useCallback(
    () =>
      loadHome().then((res) => {
        setFailed(res.code !== 0)
        if (res.code === 0) setView(res.data)
      }),
    [],
  )
  useEffect(() => void refresh(), [refresh])
  useOnReturn(() => void refresh())

  const firstUnread = view?.unread.items[0]
  return (
    <View className='me'>
      {me || loading ? (
        <View id='me-name'>
          <ProfileHeader me={me} view={view} />
        </View>
      ) : (
        <Empty description='登录后可查看我的打卡、积分与兑换记录' />
      )}
      {failed ? (
        <View role='button' id='me-error' className='me__error' onClick={() => void refresh()}>
          积分与点评暂时没能加载，点此重试
        </View>
      ) : null}
      <EntryGrid
        entries={[
          { id: 'me-points', title: '我的积分', icon: 'points', url: pageUrl('points/index') },
          { id: 'me-mall', title: '积分商城', icon: 'mall', url: pageUrl('mall/index') },
          { id: 'me-orders', title: '我的兑换', icon: 'orders', url: pageUrl('mall/orders') },
          { id: 'me-materials', title: '学习资料', icon: 'materials', url: pageUrl('materials/index') },
          { id: 'me-classes', title: '我的免费课', icon: 'classes', url: pageUrl('classes/mine') },
          { id: 'me-invite', title: '邀请好友', icon: 'invite', url: pageUrl('invite/index') },
          {
            id: 'me-reviews',
            title: '新点评',
            icon: 'calendar',
            badge: view?.unread.count,
            url: firstUnread ? reviewUrl(firstUnread) : pageUrl('camp/index'),
          },
        ]}
      />
      {me?.isTeacher || isAdmin(me) ? (
        <View className='me__group'>
          <View className='me__title'>老师工具</View>
          <Cell id='me-review' title='点评工作台' label='今日待点评、常用语、点评统计' isLink onClick={go(pageUrl('review/index'))} />
          <Cell
            id='me-classes-admin'
            title='免费课管理'
            label='场次名单、出勤与销售线索'
            isLink
            onClick={go(pageUrl('classes-admin/index'))}
          />
        </View>
      ) : null}
      {isAdmin(me) ? (
        <View className='me__group'>
          <View className='me__title'>运营管理</View>
          <Cell id='me-camp-admin' title='打卡营管理' isLink onClick={go(pageUrl('camp-admin/index'))} />
          <Cell id='me-mall-admin' title='积分商城管理' isLink onClick={go(pageUrl('mall-admin/index'))} />
          <Cell id='me-materials-admin' title='资料库管理' isLink onClick={go(pageUrl('materials-admin/index'))} />
          <Cell
            id='me-analytics'
            title='数据看板'
            label='用户分层、期次漏斗、转化登记与导出'
            isLink
            onClick={go(pageUrl('analytics-admin/index'))}
          />
        </View>
      ) : null}
      <DevEntries />
    </View>
  )
}
