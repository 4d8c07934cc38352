import { useState } from 'react'
import { Picker, View } from '@tarojs/components'
import type { SessionView } from '@cloud/contracts/class-views'
import Button from '@/shared/ui/button'
import Cell from '@/shared/ui/cell'
import Field from '@/shared/ui/field'
import { formatDateTime } from '@/shared/time'
import { addSession, updateSession } from '../api'
import { checkSession, emptySession, sessionDraftOf, type SessionDraft } from '../class-form-model'
import { useSubmission } from '@/shared/request-id/use-submission'
import { navigateTo } from '@/shared/route'
import { confirm, toast } from '@/shared/ui/feedback'

interface SessionEditorProps {
  classId: string
  sessions: SessionView[]
  canEdit: boolean
  onAdded: () => void
}

const confirmChange = async (taken: number) =>
  taken === 0 ||
  confirm({ title: '修改场次', content: `已有 ${taken} 人报名，修改后他们会看到新的时间，开课提醒也按新时间发送。确定修改？` })

/** The class's sessions with their roster links, and (for admins) a row to add one or change one not yet started. */
export default function SessionEditor({ classId, sessions, canEdit, onAdded }: SessionEditorProps) {
  const [draft, setDraft] = useState<SessionDraft>(emptySession)
  const [editing, setEditing] = useState<SessionView | null>(null)
  const [error, setError] = useState('')
  const submission = useSubmission()
  const busy = submission.busy
  const set = (patch: Partial<SessionDraft>) => setDraft((d) => ({ ...d, ...patch }))

  const startEdit = (s: SessionView) => {
    setEditing(s)
    setDraft(sessionDraftOf(s))
    setError('')
  }
  const stopEdit = () => {
    setEditing(null)
    setDraft(emptySession())
    setError('')
  }

  const submit = async () => {
    const checked = checkSession(draft, Date.now())
    if (!checked.ok) return setError(checked.error)
    if (editing && !(await confirmChange(editing.taken))) return
    const res = await submission.run((requestId) =>
      editing ? updateSession(editing.id, checked.input) : addSession(classId, checked.input, requestId),
    )
    if (!res) return
    if (res.code !== 0) return setError(res.message)
    // The next session added here is a new one.
    if (!editing) submission.renew()
    toast(editing ? '场次已修改' : '场次已添加')
    stopEdit()
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
          onClick={() => void navigateTo('classes-admin/roster', { sessionId: s.id })}
        />
      ))}
      {canEdit ? (
        <View className='classes-admin__row'>
          {sessions
            .filter((s) => !s.started)
            .map((s) => (
              <Button key={s.id} id={`edit-session-${s.id}`} size='small' plain onClick={() => startEdit(s)}>
                修改 {formatDateTime(s.startAt).slice(5)}
              </Button>
            ))}
        </View>
      ) : null}
      {canEdit ? (
        <View className='classes-admin__card'>
          {editing ? <View className='classes-admin__section'>修改场次 {formatDateTime(editing.startAt)}</View> : null}
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
            {editing ? '保存修改' : '添加场次'}
          </Button>
          {editing ? (
            <Button id='session-edit-cancel' block round plain onClick={stopEdit}>
              取消修改
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
