import { useState } from 'react'
import { View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import type { RoundView } from '@cloud/contracts/analytics'
import { setRounds } from '../api'
import { toast, toastSuccess } from '@/shared/ui/feedback'

const MAX_ROUNDS = 3
const DAY = /^\d{4}-\d{2}-\d{2}$/

interface Draft {
  name: string
  startDay: string
}

/** Sets up to three post-camp conversion rounds (name + start day); the function checks the order. */
export default function RoundsEditor({
  periodId,
  rounds,
  onSaved,
}: {
  periodId: string
  rounds: RoundView[]
  onSaved: (r: RoundView[]) => void
}) {
  const [drafts, setDrafts] = useState<Draft[]>(
    rounds.length ? rounds.map((r) => ({ name: r.name, startDay: r.startDay })) : [{ name: '', startDay: '' }],
  )
  const [busy, setBusy] = useState(false)
  const edit = (i: number, patch: Partial<Draft>) => setDrafts((d) => d.map((x, k) => (k === i ? { ...x, ...patch } : x)))

  const save = async () => {
    if (busy) return
    const filled = drafts.filter((d) => d.name.trim() || d.startDay.trim())
    if (filled.some((d) => !d.name.trim() || !DAY.test(d.startDay.trim()))) {
      return void toast('请填写每轮名称和开始日期（如 2026-03-09）')
    }
    setBusy(true)
    const res = await setRounds(
      periodId,
      filled.map((d) => ({ name: d.name.trim(), startDay: d.startDay.trim() })),
    )
    setBusy(false)
    if (res.code !== 0) return void toast(res.message)
    toastSuccess('已保存')
    onSaved(res.data)
  }

  return (
    <View id='rounds-editor'>
      {drafts.map((d, i) => (
        <View key={i}>
          <Field
            id={`round-name-${i + 1}`}
            label={`第${i + 1}轮名称`}
            value={d.name}
            maxlength={20}
            placeholder='如：结营特惠'
            onInput={(v) => edit(i, { name: v })}
          />
          <Field
            id={`round-day-${i + 1}`}
            label='开始日期'
            value={d.startDay}
            maxlength={10}
            placeholder='YYYY-MM-DD'
            onInput={(v) => edit(i, { startDay: v })}
          />
        </View>
      ))}
      <View style={{ display: 'flex', gap: '8px', padding: '12px 16px' }}>
        {drafts.length < MAX_ROUNDS ? (
          <Button id='add-round' size='small' round plain onClick={() => setDrafts((d) => [...d, { name: '', startDay: '' }])}>
            增加一轮
          </Button>
        ) : null}
        <Button id='save-rounds' size='small' round type='primary' loading={busy} loadingText='保存中' onClick={() => void save()}>
          保存轮次
        </Button>
      </View>
    </View>
  )
}
