import { useCallback, useEffect, useState } from 'react'
import { Image, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { CampView } from '@cloud/contracts/camp-views'
import Empty from '@/shared/ui/empty'
import { fileSrc } from '@/shared/cloud'
import { routeParam } from '@/shared/route'
import { campDetail } from '../../api'
import PeriodItem from '../../components/period-item'
import './index.scss'
import LoadError from '@/shared/ui/load-error'

type Load = { status: 'loading' } | { status: 'ok'; camp: CampView } | { status: 'error'; message: string }

export default function CampDetailPage() {
  const campId = routeParam('campId')
  const [load, setLoad] = useState<Load>({ status: 'loading' })

  const fetchCamp = useCallback(async () => {
    const res = await campDetail(campId)
    Taro.stopPullDownRefresh()
    if (res.code !== 0) return setLoad({ status: 'error', message: res.message })
    setLoad({ status: 'ok', camp: res.data })
    void Taro.setNavigationBarTitle({ title: res.data.title })
  }, [campId])

  useEffect(() => {
    void fetchCamp()
  }, [fetchCamp])
  usePullDownRefresh(() => void fetchCamp())

  if (load.status === 'loading') return <View className='camp-detail__loading'>加载中…</View>
  if (load.status === 'error') {
    return <LoadError message={load.message} onRetry={() => void fetchCamp()} />
  }
  const { camp } = load
  const periods = [...camp.periods].sort((a, b) => b.index - a.index)
  return (
    <View className='camp-detail'>
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
