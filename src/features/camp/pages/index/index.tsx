import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { CampView } from '@cloud/contracts/camp-views'
import Empty from '@/shared/ui/empty'
import { listCamps } from '../../api'
import CampCard from '../../components/camp-card'
import './index.scss'
import LoadError from '@/shared/ui/load-error'
import { navigateTo } from '@/shared/route'
import { Loading } from '@/shared/ui/page-state'

type Load = { status: 'loading' } | { status: 'ok'; camps: CampView[] } | { status: 'error'; message: string }

export default function CampListPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' })

  const fetchCamps = useCallback(async () => {
    const res = await listCamps()
    Taro.stopPullDownRefresh()
    setLoad(res.code === 0 ? { status: 'ok', camps: res.data.items } : { status: 'error', message: res.message })
  }, [])

  useEffect(() => {
    void fetchCamps()
  }, [fetchCamps])
  usePullDownRefresh(() => void fetchCamps())

  if (load.status === 'loading') return <Loading />
  if (load.status === 'error') {
    return <LoadError message={load.message} onRetry={() => void fetchCamps()} />
  }
  if (load.camps.length === 0) return <Empty description='暂时还没有开放的打卡营，敬请期待' />
  return (
    <View className='camps'>
      {load.camps.map((camp) => (
        <CampCard key={camp.id} camp={camp} onClick={() => void navigateTo('camp/detail', { campId: camp.id })} />
      ))}
    </View>
  )
}
