import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Cell from '@/shared/ui/cell'
import './index.scss'

export default function Home() {
  return (
    <View className='home'>
      <View className='home__hero'>
        <Text className='home__title'>学习社群</Text>
        <Text className='home__subtitle'>打卡营 · 老师点评 · 学习资料 · 积分商城</Text>
      </View>
      <Cell
        id='entry-sample'
        title='连通性检查'
        label='调用云函数，确认身份与业务日'
        isLink
        onClick={() => Taro.navigateTo({ url: '/features/sample/pages/index/index' })}
      />
    </View>
  )
}
