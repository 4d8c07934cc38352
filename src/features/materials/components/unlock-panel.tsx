import { View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import type { MaterialDetail } from '@cloud/contracts/materials'
import './unlock-panel.scss'
import { navigateTo } from '@/shared/route'

const VIA_TEXT: Record<NonNullable<MaterialDetail['via']>, string> = {
  free: '免费资料，点击文件即可打开',
  points: '已用积分解锁，可反复打开',
  signup: '已通过免费课报名解锁',
  invites: '已通过邀请好友解锁',
  mall: '已通过积分商城兑换解锁',
  staff: '运营预览：成员需按规则解锁',
}

/** An `invites` rule while locked: progress, the way to invite, and the unlock (the server recounts first). */
function InviteUnlock({
  invites,
  busy,
  onUnlock,
}: {
  invites: NonNullable<MaterialDetail['invites']>
  busy: boolean
  onUnlock: () => void
}) {
  const enough = invites.have >= invites.needed
  return (
    <>
      <View id='invite-progress' className='unlock-panel__progress'>
        已有 {invites.have} / {invites.needed} 位好友完成{enough ? '' : `，还差 ${invites.needed - invites.have} 位`}
      </View>
      {enough ? null : (
        <Button id='go-invite' type='primary' round block onClick={() => void navigateTo('invite/index')}>
          去邀请好友
        </Button>
      )}
      <Button id='unlock' type={enough ? 'primary' : 'default'} round block loading={busy} onClick={onUnlock}>
        {enough ? '立即解锁' : '好友已完成？刷新并解锁'}
      </Button>
    </>
  )
}

const UNLOCK_LABEL = (rule: MaterialDetail['rule']) => (rule.kind === 'points' ? `${rule.cost} 积分解锁` : '我已报名免费课，立即解锁')

/** The rule in words and, while locked, the one action that unlocks it. */
export default function UnlockPanel({ material, busy, onUnlock }: { material: MaterialDetail; busy: boolean; onUnlock: () => void }) {
  const { rule } = material
  let action: React.ReactNode
  if (material.via) {
    action = (
      <View id='unlock-state' className='unlock-panel__state'>
        {VIA_TEXT[material.via]}
      </View>
    )
  } else if (material.invites) {
    action = <InviteUnlock invites={material.invites} busy={busy} onUnlock={onUnlock} />
  } else {
    action = (
      <Button id='unlock' type={rule.kind === 'points' ? 'danger' : 'primary'} round block loading={busy} onClick={onUnlock}>
        {UNLOCK_LABEL(rule)}
      </Button>
    )
  }
  return (
    <View className='unlock-panel'>
      <View id='rule-text' className='unlock-panel__rule'>
        {material.ruleText}
      </View>
      {action}
    </View>
  )
}
