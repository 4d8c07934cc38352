import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { pageUrl, useOnReturn } from '@/shared/route'
import { useMe } from '@/shared/session'
import Empty from '@/shared/ui/empty'
import CampTask from './components/camp-task'
import EntryGrid from './components/entry-grid'
import OpenCamps from './components/open-camps'
import ProfileHeader from './components/profile-header'
import { loadHome, reviewUrl, type HomeView } from './home-data'
import './index.scss'

type Load = { status: 'loading' } | { status: 'ok'; view: HomeView } | { status: 'error'; message: string }

const go = (url: string) => () => void Taro.navigateTo({ url })

/** 首页: who I am and my numbers, today's task of every running camp, new reviews, entries, camps open for joining. */
export default function Home() {
  const { me } = useMe()
  const [load, setLoad] = useState<Load>({ status: 'loading' })

  const refresh = useCallback(
    () =>
      loadHome().then((res) => {
        Taro.stopPullDownRefresh()
        setLoad(res.code === 0 ? { status: 'ok', view: res.data } : { status: 'error', message: res.message })
      }),
    [],
  )
  useEffect(() => void refresh(), [refresh])
  usePullDownRefresh(() => void refresh())
  // Back on the tab (e.g. from a check-in or a review): show it done / read.
  useOnReturn(() => void refresh())

  const view = load.status === 'ok' ? load.view : null
  return (
    <View className='home'>
      <ProfileHeader me={me} view={view} greeting='你好' />
      <EntryGrid
        entries={[
          { id: 'entry-camps', title: '打卡营', icon: 'camps', url: pageUrl('camp/index') },
          { id: 'entry-mall', title: '积分商城', icon: 'mall', url: pageUrl('mall/index') },
          { id: 'entry-materials', title: '学习资料', icon: 'materials', url: pageUrl('materials/index') },
          { id: 'entry-classes', title: '免费课', icon: 'classes', url: pageUrl('classes/index') },
          { id: 'entry-invite', title: '邀请好友', icon: 'invite', url: pageUrl('invite/index') },
          { id: 'entry-points', title: '我的积分', icon: 'points', url: pageUrl('points/index') },
        ]}
      />
      <View className='home__section'>今日任务</View>
      {load.status === 'loading' ? (
        <View id='home-loading' className='home__card home__muted'>
          加载中…
        </View>
      ) : load.status === 'error' ? (
        <View id='home-error'>
          <Empty image='error' description={`没能加载你的打卡营：${load.message}`}>
            <View role='button' id='home-retry' className='home__go' onClick={() => void refresh()}>
              重试
            </View>
          </Empty>
        </View>
      ) : load.view.mine.length === 0 ? (
        <View id='home-no-camp'>
          <Empty description='还没有加入打卡营，挑一个开始每天的进步吧'>
            <View role='button' id='home-browse' className='home__go' onClick={go(pageUrl('camp/index'))}>
              去看看打卡营
            </View>
          </Empty>
        </View>
      ) : (
        load.view.mine.map((item) => <CampTask key={item.period.id} item={item} />)
      )}
      {view && view.unread.items.length > 0 ? (
        <View role='button' id='home-unread' className='home__card home__unread' onClick={go(reviewUrl(view.unread.items[0]))}>
          <View id='home-unread-count' className='home__section'>
            新点评（{view.unread.count}）
          </View>
          {view.unread.items.map((r) => (
            <View role='button' key={`${r.periodId}:${r.day}`} id={`unread-${r.day}`} className='home__review' onClick={go(reviewUrl(r))}>
              {r.outcome.value === 'returned'
                ? `${r.reviewerName}请你重新提交第 ${r.dayIndex} 天的打卡`
                : `${r.reviewerName}点评了你第 ${r.dayIndex} 天的打卡`}
              {` · ${r.campTitle}`}
            </View>
          ))}
        </View>
      ) : null}
      {view && view.open.length > 0 ? (
        <>
          <View className='home__section'>报名中</View>
          <OpenCamps open={view.open} />
        </>
      ) : null}
    </View>
  )
}
