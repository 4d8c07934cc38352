import { useState } from 'react'
import { View } from '@tarojs/components'
import type { TeamMemberRow, TeamRoleCode, TeamSummaryView } from '@cloud/contracts/community'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import { Loading } from '@/shared/ui/page-state'
import { confirm, toastError, toastSuccess } from '@/shared/ui/feedback'
import { grantRole, moveMember, rename, revokeRole, roster } from '../api'
import MemberFace from './member-face'
import TeamPicker from './team-picker'

interface Props {
  periodId: string
  team: TeamSummaryView
  teams: readonly TeamSummaryView[]
  /** After a change that alters sizes or role holders: the page reloads the overview. */
  onChanged: () => void
}

const ROLE_NAME: Record<TeamRoleCode, string> = { leader: '组长', study_officer: '学习委员' }

/** One team of the operator's list: tap to open its roster, rename it, grant / revoke roles, move members. */
export default function TeamPanel({ periodId, team, teams, onChanged }: Props) {
  const [members, setMembers] = useState<TeamMemberRow[] | null>(null)
  const [open, setOpen] = useState(false)
  const [name, setName] = useState(team.name)
  const [moving, setMoving] = useState<string | null>(null)
  const load = async () => {
    const res = await roster(periodId, team.index)
    if (res.code !== 0) return toastError(res)
    setMembers(res.data.members)
  }
  const toggle = () => {
    setOpen(!open)
    if (!open && members === null) void load()
  }
  const after = async (res: Awaited<ReturnType<typeof revokeRole>>, done: string) => {
    if (res.code !== 0) return toastError(res)
    toastSuccess(done)
    await load()
    onChanged()
  }
  const grant = async (m: TeamMemberRow, role: TeamRoleCode) => {
    if (!(await confirm({ title: `设为${ROLE_NAME[role]}`, content: `把 ${m.member.nickname} 设为${team.name}的${ROLE_NAME[role]}？` })))
      return
    await after(await grantRole(periodId, m.member.id, role), '已设置')
  }
  const revoke = async (m: TeamMemberRow) => {
    if (!(await confirm({ title: '撤销职务', content: `撤销 ${m.member.nickname} 的${m.role?.label ?? ''}？` }))) return
    await after(await revokeRole(periodId, m.member.id), '已撤销')
  }
  const move = async (m: TeamMemberRow, to: TeamSummaryView) => {
    setMoving(null)
    if (!(await confirm({ title: '调整小队', content: `把 ${m.member.nickname} 调到${to.name}？职务会被撤销。` }))) return
    await after(await moveMember(periodId, m.member.id, to.index), '已调整')
  }
  const saveName = async () => {
    const res = await rename(periodId, team.index, name)
    if (res.code !== 0) return toastError(res)
    toastSuccess('已改名')
    onChanged()
  }
  const holders = [...team.leaders.map((p) => `组长 ${p.nickname}`), ...team.studyOfficers.map((p) => `学习委员 ${p.nickname}`)]
  return (
    <View className='community__card'>
      <View id={`team-${team.index}`} role='button' onClick={toggle}>
        <View className='community__title'>
          {team.name}（{team.size} 人）
        </View>
        <View className='community__meta'>{holders.length > 0 ? holders.join(' · ') : '还没有组长和学习委员'}</View>
      </View>
      {open ? (
        <View className='community__form'>
          <Field id={`team-name-${team.index}`} label='队名' value={name} maxlength={12} onInput={setName} />
          <Button id={`rename-${team.index}`} size='small' round plain disabled={name.trim() === team.name} onClick={() => void saveName()}>
            保存队名
          </Button>
          {members === null ? <Loading what='成员' inline /> : null}
          {members?.length === 0 ? <View className='community__empty'>这个小队还没有成员</View> : null}
          {members?.map((m) => (
            <View key={m.member.id} id={`member-${m.member.nickname}`}>
              <View className='community__row'>
                <MemberFace member={m.member} />
                <View className='community__name'>{m.member.nickname}</View>
                {m.role ? <View className='community__tag'>{m.role.label}</View> : null}
              </View>
              <View className='community__actions'>
                {m.role?.value !== 'leader' ? (
                  <View
                    id={`grant-leader-${m.member.id}`}
                    role='button'
                    className='community__chip'
                    onClick={() => void grant(m, 'leader')}
                  >
                    设为组长
                  </View>
                ) : null}
                {m.role?.value !== 'study_officer' ? (
                  <View
                    id={`grant-officer-${m.member.id}`}
                    role='button'
                    className='community__chip'
                    onClick={() => void grant(m, 'study_officer')}
                  >
                    设为学习委员
                  </View>
                ) : null}
                {m.role ? (
                  <View id={`revoke-${m.member.id}`} role='button' className='community__chip' onClick={() => void revoke(m)}>
                    撤销职务
                  </View>
                ) : null}
                <View role='button' className='community__chip' onClick={() => setMoving(moving === m.member.id ? null : m.member.id)}>
                  调到其他队
                </View>
              </View>
              {moving === m.member.id ? <TeamPicker teams={teams} except={team.index} onPick={(t) => void move(m, t)} /> : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
