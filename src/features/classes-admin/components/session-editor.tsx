import { useState } from 'react'
import { Picker, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { SessionView } from '@cloud/contracts/class-views'
import Button from '@/shared/ui/button'
import Cell from '@/shared/ui/cell'
import Field from '@/shared/ui/field'
import { formatDateTime } from '@/shared/time'
import { addSession } from '../api'
import { checkSession, emptySession, type SessionDraft } from '../class-form-model'

interface SessionEditorProps {
  classId: string
  sessions: SessionView[]
  canEdit: boolean
  onAdded: () => void
}

/** The class's sessions with their roster links, and (for admins) a row to add one. */
export default function SessionEditor({ classId, sessions, canEdit, onAdded }: SessionEditorProps) {
  const [draft, setDraft] = useState<SessionDraft>(emptySession)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<SessionDraft>) => setDraft((d) => ({ ...d, ...patch }))

  const submit = async () => {
    const checked = checkSession(draft, Date.now())
    if (!checked.ok) return setError(checked.error)
    setBusy(true)
    const res = await addSession(classId, checked.input)
    setBusy(false)
    if (res.code !== 0) return setError(res.message)
    setError('')
    setDraft(emptySession())
    void Taro.showToast({ title: '场次已添加', icon: 'none' })
    onAdded()
  }

  return (
    <View>
      <View className='classes-admin__section'>场次</View>
      {sessions.length === 0 ? <View className='classes-admin__empty'>还没有场次</View> : null}
      {sessions.map((s) => (
        <Cell
          key={s.id}
          id={`admin-session-${s.id}`}
          title={formatDateTime(s.startAt)}
          value={`${s.taken}/${s.capacity}`}
          label={`${s.durationMin} 分钟${s.started ? ' · 已开始' : ''} · 查看名单`}
          isLink
          onClick={() => void Taro.navigateTo({ url: `/features/classes-admin/pages/roster/index?sessionId=${encodeURIComponent(s.id)}` })}
        />
      ))}
      {canEdit ? (
        <View className='classes-admin__card'>
          <View className='classes-admin__row'>
            <Picker id='session-date' mode='date' value={draft.date} onChange={(e) => set({ date: String(e.detail.value) })}>
              <View className={draft.date ? '' : 'classes-admin__placeholder'}>{draft.date || '选择日期'}</View>
            </Picker>
            <Picker id='session-time' mode='time' value={draft.time} onChange={(e) => set({ time: String(e.detail.value) })}>
              <View>{draft.time}</View>
            </Picker>
          </View>
          <Field
            id='session-duration'
            label='时长（分钟）'
            type='number'
            value={draft.durationMin}
            onInput={(v) => set({ durationMin: v })}
          />
          <Field id='session-capacity' label='名额' type='number' value={draft.capacity} onInput={(v) => set({ capacity: v })} />
          {error ? (
            <View id='session-error' className='classes-admin__error'>
              {error}
            </View>
          ) : null}
          <Button id='session-add' type='primary' block round loading={busy} disabled={busy} onClick={() => void submit()}>
            添加场次
          </Button>
        </View>
      ) : null}
    </View>
  )
}
