import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import RoleGate from '@/shared/ui/role-gate'
import Button from '@/shared/ui/button'
import Cell from '@/shared/ui/cell'
import Empty from '@/shared/ui/empty'
import Field from '@/shared/ui/field'
import { useRouteParam } from '@/shared/route'
import type { ConversionView, PeriodMemberView, RoundView } from '@cloud/contracts/analytics'
import { periodMembers } from '../../api'
import ConversionForm from '../../components/conversion-form'
import RoundsEditor from '../../components/rounds-editor'
import Section from '../../components/section'
import PageState from '@/shared/ui/page-state'
import { usePagedList } from '@/shared/paging/use-paged-list'

const matches = (m: PeriodMemberView, q: string) => !q || m.nickname.includes(q) || m.memberId.includes(q)

function Conversions({ periodId }: { periodId: string }) {
  const [rounds, setRounds] = useState<RoundView[]>([])
  const list = usePagedList(
    async (after?: string) => {
      const res = await periodMembers(periodId, after)
      if (res.code === 0) setRounds(res.data.rounds)
      return res
    },
    [periodId],
  )
  const [editRounds, setEditRounds] = useState(false)
  const [query, setQuery] = useState('')
  const [picked, setPicked] = useState<string | null>(null)
  // Pull down loads the first page again; more members come with 加载更多学员 only.
  usePullDownRefresh(() => void list.reload().then(() => Taro.stopPullDownRefresh()))

  const saved = (c: ConversionView) => {
    const member = list.items.find((m) => m.memberId === c.memberId)
    if (member) list.update((m) => m === member, { ...member, conversion: c })
  }

  const ready = (members: PeriodMemberView[]) => {
    const shown = members.filter((m) => matches(m, query.trim()))
    const member = members.find((m) => m.memberId === picked)
    return (
      <View style={{ paddingBottom: '24px' }}>
        <Section id='rounds-section' title='转化轮次'>
          {rounds.length === 0 || editRounds ? (
            <RoundsEditor
              periodId={periodId}
              rounds={rounds}
              onSaved={(r) => {
                setRounds(r)
                setEditRounds(false)
              }}
            />
          ) : (
            <View>
              <View className='an-section__hint'>{rounds.map((r) => `第${r.round}轮 ${r.name}（${r.startDay} 起）`).join('；')}</View>
              <Button id='edit-rounds' size='small' plain round onClick={() => setEditRounds(true)}>
                修改轮次
              </Button>
            </View>
          )}
        </Section>
        {member && rounds.length > 0 ? (
          <ConversionForm key={member.memberId} periodId={periodId} member={member} rounds={rounds} onSaved={saved} />
        ) : null}
        <Field id='member-search' label='搜索学员' value={query} placeholder='昵称或学员 ID' onInput={setQuery} />
        {members.length === 0 ? (
          <Empty description='这一期还没有学员' />
        ) : shown.length === 0 ? (
          <Empty description='已加载的学员中没有匹配的，可加载更多后再搜' />
        ) : (
          shown.map((m) => (
            <Cell
              key={m.memberId}
              id={`member-${m.memberId}`}
              title={m.nickname}
              label={`打卡 ${m.checkins} 天${m.makeups ? `，补卡 ${m.makeups}` : ''}${m.completed ? ' · 已完成' : ''}`}
              value={m.conversion ? `已付费（第${m.conversion.round}轮）` : picked === m.memberId ? '已选择' : '选择'}
              isLink
              onClick={() => setPicked(m.memberId)}
            />
          ))
        )}
        {list.more !== 'done' ? (
          <View style={{ padding: '12px 16px' }}>
            <Button id='more-members' block round plain onClick={() => void list.loadMore()}>
              加载更多学员
            </Button>
          </View>
        ) : null}
      </View>
    )
  }
  return (
    <PageState load={list.load} onRetry={() => void list.reload()}>
      {ready}
    </PageState>
  )
}

export default function ConversionPage() {
  const periodId = useRouteParam('periodId')
  return <RoleGate role='admin'>{periodId ? <Conversions periodId={periodId} /> : <Empty description='请先选择期次' />}</RoleGate>
}
