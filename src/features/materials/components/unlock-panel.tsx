import { View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import type { MaterialDetail } from '@cloud/contracts/materials'
import './unlock-panel.scss'

const VIA_TEXT: Record<NonNullable<MaterialDetail['via']>, string> = {
  free: '免费资料，点击文件即可打开',
  points: '已用积分解锁，可反复打开',
  signup: '已通过免费课报名解锁',
  mall: '已通过积分商城兑换解锁',
  staff: '运营预览：成员需按规则解锁',
}

/** The rule in words and, while locked, the one action that unlocks it. */
export default function UnlockPanel({ material, busy, onUnlock }: { material: MaterialDetail; busy: boolean; onUnlock: () => void }) {
  const { rule } = material
  return (
    <View className='unlock-panel'>
      <View id='rule-text' className='unlock-panel__rule'>
        {material.ruleText}
      </View>
      {material.via ? (
        <View id='unlock-state' className='unlock-panel__state'>
          {VIA_TEXT[material.via]}
        </View>
      ) : (
        <Button id='unlock' type={rule.kind === 'points' ? 'danger' : 'primary'} round block loading={busy} onClick={onUnlock}>
          {rule.kind === 'points' ? `${rule.cost} 积分解锁` : '我已报名免费课，立即解锁'}
        </Button>
      )}
    </View>
  )
}
