import { useState } from 'react'
import { Picker, View } from '@tarojs/components'
import type { MySignupView, SessionView } from '@cloud/contracts/class-views'
import type { Grade } from '@cloud/domain/identity'
import { cloudIdValue } from '@/shared/cloud'
import { GRADE_CHOICES } from '@/shared/options/grade-subject'
import { formatDateTime } from '@/shared/time'
import { signUp } from '../api'
import PhoneButton from './phone-button'
import { toast } from '@/shared/ui/feedback'

interface SignupSheetProps {
  classId: string
  session: SessionView
  onDone: (signup: MySignupView) => void
  onClose: () => void
}

/** Pick the child's grade, then the phone-number button signs up (the number comes from WeChat, never typed). */
export default function SignupSheet({ classId, session, onDone, onClose }: SignupSheetProps) {
  const [grade, setGrade] = useState<Grade | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const submit = async (cloudID: string | null) => {
    if (!grade) return setError('请先选择孩子的年级')
    if (!cloudID) return setError('需要授权手机号才能报名，老师会通过该号码联系你')
    setBusy(true)
    setError('')
    const res = await signUp(classId, session.id, grade, cloudIdValue(cloudID))
    setBusy(false)
    if (res.code !== 0) return setError(res.message)
    toast(res.data.status === 'confirmed' ? '报名成功' : '名额已满，已为你登记候补')
    onDone(res.data)
  }

  const label = GRADE_CHOICES.find((g) => g.value === grade)?.label
  return (
    <View id='signup-sheet' className='classes-sheet'>
      <View className='classes-sheet__title'>报名 {formatDateTime(session.startAt)} 场</View>
      {session.seatsLeft === 0 ? <View className='classes-sheet__hint'>该场名额已满，报名后进入候补，有人取消时按顺序递补。</View> : null}
      <Picker
        id='grade-picker'
        mode='selector'
        range={GRADE_CHOICES.map((g) => g.label)}
        value={Math.max(
          0,
          GRADE_CHOICES.findIndex((g) => g.value === grade),
        )}
        onChange={(e) => setGrade(GRADE_CHOICES[Number(e.detail.value)].value)}
      >
        <View className='classes-sheet__row'>
          孩子年级 <View className={label ? 'classes-sheet__value' : 'classes-sheet__placeholder'}>{label ?? '请选择 ›'}</View>
        </View>
      </Picker>
      {error ? (
        <View id='signup-error' className='classes-sheet__error'>
          {error}
        </View>
      ) : null}
      <PhoneButton id='signup-phone' loading={busy} disabled={busy} onPhone={(id) => void submit(id)}>
        授权手机号并报名
      </PhoneButton>
      <View role='button' id='signup-close' className='classes-sheet__close' onClick={onClose}>
        暂不报名
      </View>
    </View>
  )
}
