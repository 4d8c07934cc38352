import { useState } from 'react'
import { View } from '@tarojs/components'
import type { StaffSignupView } from '@cloud/contracts/class-views'
import type { LeadStage } from '@cloud/domain/classes'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import { formatDateTime } from '@/shared/time'
import { updateLead } from '../api'
import { stageLabel } from '../stages'
import { confirm, toast } from '@/shared/ui/feedback'

/** One lead: who, which class, the phone to call, and buttons for the stages it may move to, with a note. */
export default function LeadCard({ lead, onChanged }: { lead: StaffSignupView; onChanged: (next: StaffSignupView) => void }) {
  const [note, setNote] = useState(lead.note)
  const [busy, setBusy] = useState(false)

  const move = async (stage: LeadStage) => {
    if (stage === 'lost') {
      const confirmed = await confirm({ title: '标记流失', content: `确定将 ${lead.nickname || '该学员'} 标记为已流失吗？` })
      if (!confirmed) return
    }
    setBusy(true)
    const res = await updateLead(lead.id, stage, note.trim() === lead.note ? undefined : note.trim())
    setBusy(false)
    if (res.code !== 0) return void toast(res.message)
    toast(`已更新为「${stageLabel(stage)}」`)
    onChanged(res.data)
  }

  return (
    <View id={`lead-${lead.memberId}`} className='classes-admin__card'>
      <View className='classes-admin__lead-head'>
        <View>{lead.nickname || '学员'}</View>
        <View className='classes-admin__stage'>{lead.stageLabel}</View>
      </View>
      <View className='classes-admin__meta'>
        {lead.classTitle} · {formatDateTime(lead.sessionStartAt)} · {lead.statusLabel}
      </View>
      <View className='classes-admin__meta'>
        孩子 {lead.childGradeLabel} · 电话 <View className='classes-admin__phone'>{lead.phone}</View>
      </View>
      <Field id={`note-${lead.memberId}`} label='备注' value={note} maxlength={200} onInput={setNote} />
      <View className='classes-admin__actions'>
        {note.trim() !== lead.note ? (
          <Button id={`save-note-${lead.memberId}`} size='small' round plain disabled={busy} onClick={() => void move(lead.stage)}>
            保存备注
          </Button>
        ) : null}
        {lead.nextStages.map((s) => (
          <Button
            key={s}
            id={`stage-${lead.memberId}-${s}`}
            size='small'
            round
            type={s === 'lost' ? 'default' : 'primary'}
            plain
            disabled={busy}
            onClick={() => void move(s)}
          >
            {stageLabel(s)}
          </Button>
        ))}
      </View>
    </View>
  )
}
