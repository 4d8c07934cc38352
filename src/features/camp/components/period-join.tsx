import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { PeriodView } from '@cloud/contracts/camp-views'
import Button from '@/shared/ui/button'
import { join } from '../api'
import { groupProof } from '../group-proof'
import { navigateTo } from '@/shared/route'
import { toast, toastSuccess } from '@/shared/ui/feedback'

const openToday = (periodId: string) => void navigateTo('camp/today', { periodId })

/** The join control of one period: an invite-code box, a group-only notice, or a plain button, per the entry rule. */
export default function PeriodJoin({ period }: { period: PeriodView }) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const kind = period.entry.value

  const submit = async () => {
    if (busy) return
    if (kind === 'invite_code' && !code.trim()) return void toast('请输入邀请码')
    const group = await groupProof()
    if (kind === 'group' && !group) return void toast('请从打卡群内打开小程序后加入')
    setBusy(true)
    const res = await join(period.id, kind === 'invite_code' ? code.trim() : null, group)
    setBusy(false)
    if (res.code === 'CAMP.ALREADY_JOINED') return openToday(period.id)
    if (res.code !== 0) return void toast(res.message)
    toastSuccess('报名成功')
    openToday(period.id)
  }

  return (
    <View className='period-join'>
      {kind === 'invite_code' ? (
        <Input
          id={`invite-${period.id}`}
          className='period-join__code'
          value={code}
          maxlength={32}
          placeholder='请输入邀请码'
          onInput={(e) => setCode(e.detail.value)}
        />
      ) : null}
      {kind === 'group' ? <View className='period-join__note'>仅限打卡群成员，请从群聊中打开后加入</View> : null}
      <Button id={`join-${period.id}`} type='primary' round size='small' loading={busy} loadingText='报名中' onClick={() => void submit()}>
        立即加入
      </Button>
    </View>
  )
}
