import { View } from '@tarojs/components'
import Empty from '@/shared/ui/empty'
import DevEntries from './dev-entries'

export default function Me() {
  return (
    <View className='me'>
      <Empty description='登录后可查看我的打卡、积分与兑换记录' />
      <DevEntries />
    </View>
  )
}
