import { useEffect } from 'react'
import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CampView } from '@cloud/contracts/camp-views'
import Empty from '@/shared/ui/empty'
import { fileSrc } from '@/shared/cloud'
import { useRouteParam } from '@/shared/route'
import { campDetail } from '../../api'
import PeriodItem from '../../components/period-item'
import './index.scss'
import SinglePageNotice from '@/shared/ui/single-page-notice'
import { useChatAndTimelineShare } from '@/shared/share/use-share'
import { enableGroupShare, isSinglePageMode } from '@/shared/wx/share'
import GroupBindPanel from '../../components/group-bind-panel'
import PageState, { useLoad } from '@/shared/ui/page-state'

const shareTitle = (camp: CampView, periodId: string) => {
  const period = camp.periods.find((p) => p.id === periodId)
  return `一起来「${camp.title}」${period ? period.title.split(' · ')[0] : ''}每天打卡吧`
}

/**
 * A camp and its periods; the card shared from here (or from the period admin page) opens it with `periodId`, and an
 * operator who opens that card inside a group chat sees 绑定此群 for that period.
 */
function CampDetail() {
  // Read once, at mount: routeParam reads the CURRENT page, and once 加入 opened 今日打卡 a re-render of this page read
  // that page's query (campId '' → a refused campDetail; the weapp share-bind test caught it under load).
  const campId = useRouteParam('campId')
  const periodId = useRouteParam('periodId')
  const { load, reload } = useLoad(async () => {
    const res = await campDetail(campId)
    if (res.code === 0) void Taro.setNavigationBarTitle({ title: res.data.title })
    return res
  }, campId)
  useChatAndTimelineShare({
    target: load.status === 'ready' ? { page: 'camp', campId, periodId: periodId || undefined } : null,
    title: load.status === 'ready' ? shareTitle(load.data, periodId) : '一起来打卡营每天打卡吧',
  })
  useEffect(() => {
    void enableGroupShare(true)
  }, [])

  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(camp) => <CampBody camp={camp} periodId={periodId} />}
    </PageState>
  )
}

function CampBody({ camp, periodId }: { camp: CampView; periodId: string }) {
  const periods = [...camp.periods].sort((a, b) => b.index - a.index)
  return (
    <View className='camp-detail'>
      {periodId ? <GroupBindPanel periodId={periodId} /> : null}
      {camp.coverFileId ? <Image className='camp-detail__cover' src={fileSrc(camp.coverFileId)} mode='aspectFill' /> : null}
      <View className='camp-detail__head'>
        <View id='camp-title' className='camp-detail__title'>
          {camp.title}
        </View>
        <View className='camp-detail__tags'>
          {[camp.subject, ...camp.grades].map((t) => (
            <View key={t.value} className='camp-detail__tag'>
              {t.label}
            </View>
          ))}
        </View>
        {camp.description ? <View className='camp-detail__desc'>{camp.description}</View> : null}
      </View>
      <View className='camp-detail__section'>期次</View>
      {periods.length === 0 ? <Empty description='新一期正在筹备中，敬请期待' /> : periods.map((p) => <PeriodItem key={p.id} period={p} />)}
    </View>
  )
}

/** In Moments' 单页模式 nothing can be called: a static landing instead. */
export default function CampDetailPage() {
  return isSinglePageMode() ? <SinglePageNotice kind='camp' /> : <CampDetail />
}
