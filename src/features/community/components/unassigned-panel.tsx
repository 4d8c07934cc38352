import { useState } from 'react'
import { View } from '@tarojs/components'
import type { TeamSummaryView, UnassignedPage } from '@cloud/contracts/community'
import Button from '@/shared/ui/button'
import { toastError, toastSuccess } from '@/shared/ui/feedback'
import { moveMember, unassigned } from '../api'
import MemberFace from './member-face'
import TeamPicker from './team-picker'

/** Members of the period on no team yet (a manual split): pick a member, then the team to put them in. */
export default function UnassignedPanel({
  periodId,
  teams,
  onChanged,
}: {
  periodId: string
  teams: readonly TeamSummaryView[]
  onChanged: () => void
}) {
  const [page, setPage] = useState<UnassignedPage | null>(null)
  const [picked, setPicked] = useState<string | null>(null)
  const load = async () => {
    const res = await unassigned(periodId)
    if (res.code !== 0) return toastError(res)
    setPage(res.data)
  }
  const place = async (member: string, teamIndex: number) => {
    const res = await moveMember(periodId, member, teamIndex)
    if (res.code !== 0) return toastError(res)
    toastSuccess('已分队')
    setPicked(null)
    await load()
    onChanged()
  }
  if (!page)
    return (
      <View className='community__card'>
        <Button id='show-unassigned' block round plain onClick={() => void load()}>
          查看未分队的学员
        </Button>
      </View>
    )
  return (
    <View className='community__card'>
      <View className='community__title'>未分队的学员</View>
      {page.members.length === 0 ? <View className='community__empty'>所有学员都已分队</View> : null}
      {page.members.map((m) => (
        <View key={m.id}>
          <View id={`free-${m.nickname}`} role='button' className='community__row' onClick={() => setPicked(picked === m.id ? null : m.id)}>
            <MemberFace member={m} />
            <View className='community__name'>{m.nickname}</View>
            <View className='community__meta'>分到…</View>
          </View>
          {picked === m.id ? <TeamPicker teams={teams} onPick={(t) => void place(m.id, t.index)} /> : null}
        </View>
      ))}
    </View>
  )
}
