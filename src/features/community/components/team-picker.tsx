import { View } from '@tarojs/components'
import type { TeamSummaryView } from '@cloud/contracts/community'

/** The teams to put a member in, as chips (never a typed number); `except` leaves out the member's own team. */
export default function TeamPicker({
  teams,
  except,
  onPick,
}: {
  teams: readonly TeamSummaryView[]
  except?: number
  onPick: (team: TeamSummaryView) => void
}) {
  return (
    <View className='community__actions'>
      {teams
        .filter((t) => t.index !== except)
        .map((t) => (
          <View key={t.index} id={`pick-team-${t.index}`} role='button' className='community__chip' onClick={() => onPick(t)}>
            {t.name}
          </View>
        ))}
    </View>
  )
}
