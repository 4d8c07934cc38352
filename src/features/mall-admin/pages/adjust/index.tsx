import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import Segmented from '@/shared/ui/segmented'
import { newRequestId } from '@/shared/request-id'
import { adjustPoints } from '../../api'
import RoleGate from '@/shared/ui/role-gate'
import PickedMember from '../../components/picked-member'
import { checkAdjust, signedAmount, type AdjustDraft, type AdjustErrors, type Direction } from '../../adjust-input'
import './index.scss'
import { confirm, toast, toastSuccess } from '@/shared/ui/feedback'

const DIRECTIONS = [
  { value: 'add', label: '增加积分' },
  { value: 'deduct', label: '扣减积分' },
] as const satisfies readonly { value: Direction; label: string }[]

const EMPTY: AdjustDraft = { member: null, direction: 'add', amount: '', note: '' }

function AdjustForm() {
  const [draft, setDraft] = useState<AdjustDraft>(EMPTY)
  const [errors, setErrors] = useState<AdjustErrors>({})
  const [saving, setSaving] = useState(false)
  // One id per filled-in form: a retry after a lost answer must not adjust twice.
  const requestId = useRef(newRequestId())
  const set = (patch: Partial<AdjustDraft>) => setDraft((d) => ({ ...d, ...patch }))

  const submit = async () => {
    if (saving) return
    const found = checkAdjust(draft)
    setErrors(found)
    const first = Object.values(found)[0]
    if (first) return void toast(first)
    const member = draft.member
    if (!member) return
    const amount = signedAmount(draft)
    setSaving(true)
    try {
      const confirmed = await confirm({
        title: '确认调整',
        content: `确认为学员「${member.nickname}」${amount > 0 ? '增加' : '扣减'} ${Math.abs(amount)} 积分？原因：${draft.note.trim()}`,
        confirmText: '确认',
        cancelText: '取消',
      })
      if (!confirmed) return
      const res = await adjustPoints(member.handle, amount, draft.note.trim(), requestId.current)
      if (res.code !== 0) return void toast(res.message)
      toastSuccess('已调整')
      requestId.current = newRequestId()
      setDraft(EMPTY)
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='adjust'>
      <PickedMember id='adjust-member' label='学员' member={draft.member} error={errors.member} onChange={(member) => set({ member })} />
      <View className='adjust__row'>
        <View className='adjust__label'>调整方向</View>
        <Segmented id='direction' options={DIRECTIONS} value={draft.direction} onChange={(direction) => set({ direction })} />
      </View>
      <Field
        id='adjust-amount'
        label='积分数量'
        required
        type='number'
        value={draft.amount}
        placeholder='正整数'
        error={errors.amount}
        onInput={(amount) => set({ amount })}
      />
      <Field
        id='adjust-note'
        label='调整原因'
        required
        multiline
        maxlength={100}
        value={draft.note}
        placeholder='如：线下活动奖励'
        error={errors.note}
        onInput={(note) => set({ note })}
      />
      <View className='adjust__tip'>
        调整会作为「人工调整」记入学员的积分明细和积分流水，不能修改；如有错误请到「积分冲正」冲正这一笔。
      </View>
      <View className='adjust__actions'>
        <Button id='submit-adjust' type='primary' round block loading={saving} loadingText='提交中' onClick={() => void submit()}>
          提交调整
        </Button>
      </View>
    </View>
  )
}

export default function AdjustPage() {
  return (
    <RoleGate role='admin'>
      <AdjustForm />
    </RoleGate>
  )
}
