import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import type { MemberPick } from '@cloud/contracts/identity'
import type { AuditItem } from '@cloud/contracts/points'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import LoadMore from '@/shared/ui/load-more'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import { auditTrail, reverseEntry } from '../../api'
import RoleGate from '@/shared/ui/role-gate'
import AuditRow from '../../components/audit-row'
import PickedMember from '../../components/picked-member'
import '../audit/index.scss'
import './index.scss'
import { confirm, toast, toastSuccess } from '@/shared/ui/feedback'
import PageState from '@/shared/ui/page-state'

const signed = (n: number) => (n > 0 ? `+${n}` : `\u2212${Math.abs(n)}`)

/** Why a row cannot be picked, in words. */
const blocked = (item: AuditItem) => (item.reversed ? '已冲正' : item.reason === 'reversal' ? '冲正记录' : '不可冲正')

function Ledger({ member, onDone }: { member: MemberPick; onDone: () => void }) {
  const list = usePagedList((before?: number) => auditTrail(member.handle, before), [member.handle])
  const [chosen, setChosen] = useState<AuditItem | null>(null)
  const [note, setNote] = useState('')
  const [error, setError] = useState('')
  const [saving, setSaving] = useState(false)
  const asking = useRef(false)
  useListPageEvents(list)

  const submit = async () => {
    if (!chosen || asking.current) return
    const reason = note.trim()
    if (reason.length < 2 || reason.length > 100) {
      setError('请写明冲正原因（2-100个字），会记入积分流水')
      return void toast('请写明冲正原因')
    }
    setError('')
    asking.current = true
    try {
      const confirmed = await confirm({
        title: '确认冲正',
        content: `确认冲正「${member.nickname}」${chosen.reasonLabel} ${signed(chosen.amount)} 积分？将记一笔 ${signed(-chosen.amount)} 积分。原因：${reason}`,
        confirmText: '冲正',
        cancelText: '取消',
      })
      if (!confirmed) return
      setSaving(true)
      const res = await reverseEntry(member.handle, chosen.key, reason)
      setSaving(false)
      if (res.code !== 0) return void toast(res.message)
      toastSuccess('已冲正')
      setChosen(null)
      setNote('')
      await list.reload()
      onDone()
    } finally {
      setSaving(false)
      asking.current = false
    }
  }

  return (
    <PageState load={list.load} onRetry={() => void list.reload()} empty='该学员还没有积分记录'>
      {(items) => (
        <View>
          <View className='reverse__hint'>点选要冲正的一笔（兑换请通过取消订单退还）</View>
          <View className='audit__list'>
            {items.map((item) => (
              <View key={item.id} className={`reverse__item${chosen?.id === item.id ? ' reverse__item--chosen' : ''}`}>
                <AuditRow item={item} onTap={item.reversible ? () => setChosen(item) : undefined} />
                {item.reversible ? null : <View className='reverse__blocked'>{blocked(item)}</View>}
              </View>
            ))}
            <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
          </View>
          {chosen ? (
            <View id='reverse-form' className='reverse__form'>
              <View className='reverse__chosen'>
                已选：{chosen.reasonLabel} {signed(chosen.amount)}（余额 {chosen.balanceAfter}）
              </View>
              <Field
                id='reverse-note'
                label='冲正原因'
                required
                multiline
                maxlength={100}
                value={note}
                placeholder='如：重复发放'
                error={error}
                onInput={setNote}
              />
              <View className='reverse__actions'>
                <Button id='submit-reverse' type='danger' round block loading={saving} loadingText='提交中' onClick={() => void submit()}>
                  冲正这一笔
                </Button>
              </View>
            </View>
          ) : null}
        </View>
      )}
    </PageState>
  )
}

function Reverse() {
  const [member, setMember] = useState<MemberPick | null>(null)
  const [, setDone] = useState(0)
  return (
    <View className='reverse'>
      <PickedMember id='reverse-member' label='学员' member={member} onChange={setMember} />
      {member ? <Ledger key={member.handle} member={member} onDone={() => setDone((n) => n + 1)} /> : null}
      <View className='reverse__tip'>冲正会追加一笔反向记录，原记录保留；每笔记录只能冲正一次。</View>
    </View>
  )
}

export default function ReversePage() {
  return (
    <RoleGate role='admin'>
      <Reverse />
    </RoleGate>
  )
}
