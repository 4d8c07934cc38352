import { useState } from 'react'
import { View } from '@tarojs/components'
import Cell from '@/shared/ui/cell'
import { currentPersona, setPersona } from '@/shared/cloud/persona'
import { listPersonas, type PersonaView } from '../../api'
import { toast } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'

const ROLE_LABEL: Record<PersonaView['role'], string> = { member: '学员', teacher: '老师', admin: '运营' }

export default function PersonasPage() {
  const [current, setCurrent] = useState(currentPersona())
  const { load, reload } = useLoad(
    () =>
      listPersonas().then(
        (data) => ({ code: 0 as const, data }),
        () => ({ code: 'DEV.OFFLINE', message: '无法连接本地模拟器，请确认 npm start 正在运行' }),
      ),
    '',
  )
  const ready = (personas: PersonaView[]) => (
    <View>
      {personas.map((p) => (
        <Cell
          key={p.openid}
          id={`persona-${p.openid}`}
          title={`${p.nickname}${p.openid === current ? '（当前）' : ''}`}
          label={`${ROLE_LABEL[p.role]}${p.grade ? ' · ' + p.grade : ''} · ${p.openid}`}
          isLink
          onClick={() => {
            setPersona(p.openid)
            setCurrent(p.openid)
            toast(`已切换为${p.nickname}`)
            // Every page and cache (the session, loaded lists) belongs to the previous persona: restart the app as the new one.
            setTimeout(() => {
              globalThis.location.hash = '#/pages/me/index'
              globalThis.location.reload()
            }, 400)
          }}
        />
      ))}
    </View>
  )
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {ready}
    </PageState>
  )
}
