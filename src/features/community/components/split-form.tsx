import { useState } from 'react'
import { View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import Segmented from '@/shared/ui/segmented'
import { confirm, toastError } from '@/shared/ui/feedback'
import { splitByHand, splitBySize } from '../api'

type Mode = 'auto' | 'manual'
const MODES = [
  { value: 'auto', label: '按人数自动分队' },
  { value: 'manual', label: '手动分队' },
] as const

/** The period is not split yet: split automatically by team size (late joiners are placed too) or create empty teams. */
export default function SplitForm({ periodId, onDone }: { periodId: string; onDone: () => void }) {
  const [mode, setMode] = useState<Mode>('auto')
  const [value, setValue] = useState('10')
  const [busy, setBusy] = useState(false)
  const n = Number(value)
  const valid = Number.isInteger(n) && (mode === 'auto' ? n >= 2 && n <= 200 : n >= 1 && n <= 100)
  const submit = async () => {
    const content =
      mode === 'auto' ? `每队约 ${n} 人，之后加入的学员自动进入人数最少的小队。` : `创建 ${n} 个空小队，之后逐个把学员分进去。`
    if (!(await confirm({ title: '确认分队', content, confirmText: '分队' }))) return
    setBusy(true)
    const res = mode === 'auto' ? await splitBySize(periodId, n) : await splitByHand(periodId, n)
    setBusy(false)
    if (res.code !== 0) return toastError(res)
    onDone()
  }
  return (
    <View className='community__card'>
      <View className='community__title'>本期还没有分队</View>
      <View className='community__form'>
        <Segmented id='split-mode' options={MODES} value={mode} onChange={setMode} />
        <Field
          id='split-value'
          label={mode === 'auto' ? '每队人数' : '小队数量'}
          type='number'
          value={value}
          maxlength={3}
          error={valid ? undefined : mode === 'auto' ? '每队 2 到 200 人' : '1 到 100 个小队'}
          onInput={setValue}
        />
        <Button id='split-submit' block round type='primary' disabled={!valid} loading={busy} onClick={() => void submit()}>
          开始分队
        </Button>
      </View>
    </View>
  )
}
