import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import type { MemberPick } from '@cloud/contracts/identity'
import MemberPicker from '@/shared/member-picker'
import RoleGate from '@/shared/ui/role-gate'
import Button from '@/shared/ui/button'
import { useOnReturn } from '@/shared/route'
import { grantRole, hasRole, staffList, STAFF_ROLE_TEXT, type StaffRole } from '../../roles-api'
import './index.scss'
import { confirm, toast, toastSuccess } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'

const ROLES: StaffRole[] = ['teacher', 'admin']

function Roles() {
  const { load, reload: fetchStaff } = useLoad(staffList, '')
  const [picked, setPicked] = useState<MemberPick | null>(null)
  const busy = useRef(false)

  useOnReturn(() => void fetchStaff())

  const change = async (member: MemberPick, role: StaffRole, grant: boolean) => {
    if (busy.current) return
    busy.current = true
    try {
      const confirmed = await confirm({
        title: grant ? '授予角色' : '撤销角色',
        content: grant
          ? `确认授予 ${member.nickname}「${STAFF_ROLE_TEXT[role]}」角色？`
          : `确认撤销 ${member.nickname} 的「${STAFF_ROLE_TEXT[role]}」角色？`,
        confirmText: '确认',
        cancelText: '取消',
      })
      if (!confirmed) return
      const res = await grantRole(member.handle, role, grant)
      if (res.code !== 0) return void toast(res.message)
      toastSuccess(grant ? '已授予' : '已撤销')
      if (picked?.handle === member.handle) setPicked(res.data)
      await fetchStaff()
    } finally {
      busy.current = false
    }
  }

  return (
    <View className='roles'>
      <View className='roles__section'>
        <View className='roles__title'>授予角色</View>
        <MemberPicker id='roles-picker' onPick={setPicked} />
        {picked ? (
          <View id='roles-picked' className='roles__picked'>
            <View className='roles__name'>{picked.nickname}</View>
            <View className='roles__buttons'>
              {ROLES.map((role) =>
                hasRole(picked, role) ? (
                  <Button key={role} id={`roles-grant-${role}`} size='small' round disabled>
                    已是{STAFF_ROLE_TEXT[role]}
                  </Button>
                ) : (
                  <Button
                    key={role}
                    id={`roles-grant-${role}`}
                    size='small'
                    type='primary'
                    round
                    onClick={() => void change(picked, role, true)}
                  >
                    设为{STAFF_ROLE_TEXT[role]}
                  </Button>
                ),
              )}
            </View>
          </View>
        ) : null}
      </View>
      <View className='roles__section'>
        <View className='roles__title'>老师与运营</View>
        <PageState load={load} onRetry={() => void fetchStaff()} empty='还没有老师或运营' isEmpty={(page) => page.items.length === 0}>
          {(page) =>
            page.items.map((m, i) => (
              <View key={m.handle} id={`roles-staff-${i}`} className='roles__row'>
                <View className='roles__main'>
                  <View className='roles__name'>{m.nickname}</View>
                  <View className='roles__tags'>
                    {ROLES.filter((r) => hasRole(m, r))
                      .map((r) => STAFF_ROLE_TEXT[r])
                      .join(' · ')}
                  </View>
                </View>
                <View className='roles__buttons'>
                  {ROLES.filter((r) => hasRole(m, r)).map((role) => (
                    <Button
                      key={role}
                      id={`roles-revoke-${i}-${role}`}
                      size='small'
                      plain
                      round
                      onClick={() => void change(m, role, false)}
                    >
                      撤销{STAFF_ROLE_TEXT[role]}
                    </Button>
                  ))}
                </View>
              </View>
            ))
          }
        </PageState>
      </View>
    </View>
  )
}

export default function RolesPage() {
  return (
    <RoleGate role='admin'>
      <Roles />
    </RoleGate>
  )
}
