import { useState } from 'react'
import { View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import Segmented from '@/shared/ui/segmented'
import type { ConversionView, PeriodMemberView, RoundView } from '@cloud/contracts/analytics'
import { correctConversion, recordConversion } from '../api'
import { parseYuan, yuan } from '../format'
import { COLORS } from '@/shared/ui/tokens'
import { confirm, toast, toastSuccess } from '@/shared/ui/feedback'

/**
 * Records (or, when the member already has one, corrects) a member's paid conversion: round, optional amount,
 * and a confirmation that names the member, round and amount before anything is saved.
 */
export default function ConversionForm({
  periodId,
  member,
  rounds,
  onSaved,
}: {
  periodId: string
  member: PeriodMemberView
  rounds: RoundView[]
  onSaved: (c: ConversionView) => void
}) {
  const existing = member.conversion
  const [round, setRound] = useState(String(existing?.round ?? rounds[0]?.round ?? 1))
  const [amount, setAmount] = useState(existing?.amountFen != null ? (existing.amountFen / 100).toFixed(2) : '')
  const [busy, setBusy] = useState(false)
  const amountFen = amount.trim() ? parseYuan(amount) : undefined
  const roundName = rounds.find((r) => String(r.round) === round)?.name ?? ''

  const save = async () => {
    if (busy) return
    if (amountFen === null) return void toast('金额格式不正确')
    const confirmed = await confirm({
      title: existing ? '确认更正' : '确认登记',
      content: `${member.nickname}：第${round}轮「${roundName}」${amountFen === undefined ? '' : `，金额 ${yuan(amountFen)}`}。确认${existing ? '更正' : '登记'}付费转化吗？`,
      confirmText: '确认',
      cancelText: '取消',
    })
    if (!confirmed) return
    setBusy(true)
    const input = { periodId, memberId: member.memberId, round: Number(round), ...(amountFen === undefined ? {} : { amountFen }) }
    const res = existing ? await correctConversion(input) : await recordConversion(input)
    setBusy(false)
    if (res.code !== 0) return void toast(res.message)
    toastSuccess(existing ? '已更正' : '已登记')
    onSaved(res.data)
  }

  return (
    <View id='conversion-form' style={{ background: COLORS.white, marginTop: '12px', paddingBottom: '12px' }}>
      <View style={{ padding: '12px 16px', fontSize: '15px' }}>
        {member.nickname}
        {existing ? `（已登记第${existing.round}轮${existing.amountFen != null ? `，${yuan(existing.amountFen)}` : ''}）` : ''}
      </View>
      <View style={{ padding: '0 16px 8px' }}>
        <Segmented
          id='round'
          options={rounds.map((r) => ({ value: String(r.round), label: `第${r.round}轮 ${r.name}` }))}
          value={round}
          onChange={setRound}
        />
      </View>
      <Field
        id='amount'
        label='金额（元）'
        type='digit'
        value={amount}
        placeholder='选填，如 199'
        onInput={setAmount}
        error={amountFen === null ? '请输入正确的金额' : undefined}
      />
      <View style={{ padding: '12px 16px 0' }}>
        <Button id='save-conversion' type='primary' block round loading={busy} loadingText='提交中' onClick={() => void save()}>
          {existing ? '更正付费转化' : '登记付费转化'}
        </Button>
      </View>
    </View>
  )
}
