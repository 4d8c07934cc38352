import { View } from '@tarojs/components'
import type { LabelledValue } from '@cloud/contracts/identity'
import type { TierView } from '@cloud/contracts/camp-views'
import type { BadgeId } from '@cloud/domain/community'
import './badge-strip.scss'

/**
 * The member's streak tier and badges of a period (激励设置), as the server labelled them. Renders nothing when
 * there is neither, so a period without incentives looks as before. `compact` for leaderboard rows.
 */
export default function BadgeStrip({
  id,
  tier,
  badges,
  compact = false,
}: {
  id: string
  tier: TierView | null
  badges: LabelledValue<BadgeId>[]
  compact?: boolean
}) {
  if (!tier && badges.length === 0) return null
  return (
    <View id={id} className={`badge-strip${compact ? ' badge-strip--compact' : ''}`}>
      {tier ? <View className='badge-strip__tier'>{tier.label}</View> : null}
      {badges.map((b) => (
        <View key={b.value} className='badge-strip__badge'>
          {b.label}
        </View>
      ))}
    </View>
  )
}
