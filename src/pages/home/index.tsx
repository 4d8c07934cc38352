import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Cell from '@/shared/ui/cell'
import { useOnReturn } from '@/shared/route'
import { loadHome, type HomeData } from './home-data'
import MyCamp from './my-camp'
import './index.scss'

const go = (url: string) => () => void Taro.navigateTo({ url })

export default function Home() {
  const [data, setData] = useState<HomeData | null>(null)

  const refresh = useCallback(() => {
    void loadHome().then(setData)
  }, [])
  useEffect(() => {
    refresh()
  }, [refresh])
  // Back on the tab (e.g. from a check-in): show it done.
  useOnReturn(refresh)

  return (
    <View className='home'>
      <View className='home__hero'>
        <Text className='home__title'>学习社群</Text>
        <Text className='home__subtitle'>打卡营 · 老师点评 · 积分商城</Text>
      </View>
      <View className='home__section'>我的打卡</View>
      {!data ? (
        <View className='home__card'>加载中…</View>
      ) : data.current ? (
        <MyCamp item={data.current} today={data.today} />
      ) : (
        <View id='home-no-camp' className='home__card'>
          还没有加入打卡营
        </View>
      )}
      {data && data.camps.length ? (
        <>
          <View className='home__section'>打卡营报名中</View>
          {data.camps.map((c) => (
            <Cell key={c.id} title={c.title} isLink onClick={go(`/features/camp/pages/detail/index?campId=${c.id}`)} />
          ))}
        </>
      ) : null}
      <Cell id='entry-camps' title='全部打卡营' isLink onClick={go('/features/camp/pages/index/index')} />
      <Cell id='entry-mall' title='积分商城' isLink onClick={go('/features/mall/pages/index/index')} />
      <Cell id='entry-materials' title='资料库' isLink onClick={go('/features/materials/pages/index/index')} />
      <Cell id='entry-classes' title='免费课' isLink onClick={go('/features/classes/pages/index/index')} />
      <Cell id='entry-points' title='我的积分' isLink onClick={go('/features/points/pages/index/index')} />
    </View>
  )
}
