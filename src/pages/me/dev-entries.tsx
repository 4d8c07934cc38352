import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Cell from '@/shared/ui/cell'

/** Local mode (H5 served by the emulator): links to the persona picker and the dev panel. */
export default function DevEntries() {
  return (
    <View>
      <Cell
        id='dev-personas'
        title='切换身份（本地模式）'
        isLink
        onClick={() => Taro.navigateTo({ url: '/features/dev/pages/personas/index' })}
      />
      <Cell
        id='dev-panel'
        title='开发面板（本地模式）'
        isLink
        onClick={() => Taro.navigateTo({ url: '/features/dev/pages/panel/index' })}
      />
    </View>
  )
}
