import { View } from '@tarojs/components'
import Cell from '@/shared/ui/cell'
import { navigateTo } from '@/shared/route'

/** Local mode (H5 served by the emulator): links to the persona picker and the dev panel. */
export default function DevEntries() {
  return (
    <View>
      <Cell id='dev-personas' title='切换身份（本地模式）' isLink onClick={() => navigateTo('dev/personas')} />
      <Cell id='dev-panel' title='开发面板（本地模式）' isLink onClick={() => navigateTo('dev/panel')} />
    </View>
  )
}
