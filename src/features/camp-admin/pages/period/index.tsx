import { useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { AdminPeriodView } from '@cloud/contracts/camp-results'
import RoleGate from '@/shared/ui/role-gate'
import Button from '@/shared/ui/button'
import Cell from '@/shared/ui/cell'
import { goTo, useRouteParam } from '@/shared/route'
import { formatDate } from '@/shared/time'
import { useChatShare } from '@/shared/share/use-share'
import { enableGroupShare } from '@/shared/wx/share'
import { adminCamp, closePeriod, publishPeriod, unbindGroup } from '../../api'
import ShareCardButton from '@/shared/ui/share-card-button'
import { PERIOD_STATUS_TEXT } from '../../status-label'
import '../../components/form.scss'
import PeriodTeachers from '../../components/period-teachers'
import { confirm, toast, toastSuccess } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'

interface Loaded {
  period: AdminPeriodView
  members: number
  campTitle: string
}

const ENTRY_TEXT = { open: '自由加入', invite_code: '邀请码', group: '打卡群成员' } as const

function PeriodAdmin({ campId, periodId }: { campId: string; periodId: string }) {
  const { load, reload: fetchPeriod } = useLoad<Loaded>(async () => {
    const res = await adminCamp(campId)
    if (res.code !== 0) return res
    const period = res.data.periods.find((p) => p._id === periodId)
    if (!period) return { code: 'CLIENT.NO_PERIOD', message: '该期不存在' }
    return { code: 0, data: { period, members: res.data.members[periodId] ?? 0, campTitle: res.data.camp.title } }
  }, `${campId}/${periodId}`)
  const [busy, setBusy] = useState(false)
  const asking = useRef(false)
  // The period's card for its group chat: members open it to join, an operator opens it there to bind the group.
  const card = { page: 'camp' as const, campId, periodId }
  useEffect(() => {
    // A share ticket on the forwarded card (scene 1044 in the group); no Moments for an admin page.
    void enableGroupShare(false)
  }, [])
  useChatShare({
    target: card,
    title: load.status === 'ready' ? `「${load.data.campTitle}」第 ${load.data.period.index} 期，一起来每天打卡` : '一起来每天打卡',
  })

  // Back from the form or the task editor: show what was saved.
  useDidShow(() => {
    if (load.status === 'ready') void fetchPeriod()
  })

  const act = async (title: string, content: string, run: () => Promise<{ code: number | string; message?: string }>, done: string) => {
    if (asking.current) return
    asking.current = true
    try {
      const confirmed = await confirm({ title, content, confirmText: '确认', cancelText: '取消' })
      if (!confirmed) return
      setBusy(true)
      const res = await run()
      setBusy(false)
      if (res.code !== 0) return void toast(res.message ?? '操作失败')
      toastSuccess(done)
      await fetchPeriod()
    } finally {
      asking.current = false
    }
  }

  const go = (page: 'tasks' | 'period-form') => goTo(`camp-admin/${page}`, { campId, periodId })
  const ready = ({ period: p, members, campTitle }: Loaded) => (
    <View className='admin-form'>
      <View className='admin-form__title'>{campTitle}</View>
      <Cell id='pa-title' title={`第 ${p.index} 期 · ${p.lengthDays} 天`} value={PERIOD_STATUS_TEXT[p.status]} />
      <Cell title='开营日期' value={p.startDay} />
      <Cell id='pa-members' title='已报名' value={`${members} / ${p.capacity} 人`} />
      <Cell title='加入规则' value={p.entry.kind === 'invite_code' ? `邀请码 ${p.entry.code}` : ENTRY_TEXT[p.entry.kind]} />
      <Cell id='pa-tasks' title='每日任务' value={`已设置 ${p.tasks.length}/${p.lengthDays} 天`} isLink onClick={go('tasks')} />
      <Cell id='pa-edit' title='期次设置' label='时间、名额、积分与补卡规则' isLink onClick={go('period-form')} />
      <Cell
        id='pa-incentives'
        title='激励设置'
        label='连续打卡加成与徽章积分'
        isLink
        onClick={goTo('camp-admin/incentives', { periodId })}
      />
      <Cell
        id='pa-distribution'
        title='点评分配'
        label='各位老师的待点评、在岗状态与改派'
        isLink
        onClick={goTo('review/distribution', { periodId })}
      />
      <Cell id='pa-teams' title='小队' label='分队、组长与学习委员' isLink onClick={goTo('community/teams', { periodId })} />
      <Cell id='pa-team-board' title='小队 PK 榜' isLink onClick={goTo('community/board', { periodId })} />
      <Cell
        id='pa-reports'
        title='学习报告'
        label={p.status === 'ended' || p.status === 'closed' ? '每位学员本期的学习报告' : '本期结束后生成'}
        isLink
        onClick={goTo('community/report-members', { periodId })}
      />
      <View className='admin-form__title'>打卡群</View>
      <Cell id='pa-groups' title='已绑定的群' value={p.boundGroups.length ? `已绑定 ${p.boundGroups.length} 个` : '未绑定'} />
      {p.boundGroups.map((g, i) => (
        <Cell
          key={g.groupId}
          id={`pa-group-${i}`}
          title={`打卡群 ${i + 1}`}
          label={`${formatDate(g.boundAt)} 绑定`}
          value='解绑'
          isLink
          onClick={() =>
            void act(
              '解绑打卡群',
              `解绑后从「打卡群 ${i + 1}」打开打卡不再获得积分加倍${p.entry.kind === 'group' ? '，该群成员也不能再凭群加入' : ''}。确认解绑？`,
              () => unbindGroup(periodId, g.groupId),
              '已解绑',
            )
          }
        />
      ))}
      <View id='pa-groups-note' className='admin-form__note'>
        把本期卡片转发到打卡群，然后在群里打开卡片，点「绑定此群」（运营和本期带班老师可以操作），不需要填写群 ID。
      </View>
      <View className='admin-form__actions'>
        <ShareCardButton id='pa-share' label='分享到打卡群' card={card} />
      </View>
      {p.stats ? (
        <Cell
          id='pa-stats'
          title='结营数据'
          value={`结营 ${p.stats.completed}/${p.stats.members} 人（${Math.round(p.stats.completionRate * 100)}%）`}
        />
      ) : null}
      <PeriodTeachers periodId={periodId} />
      <View className='admin-form__actions'>
        {p.status === 'draft' ? (
          <Button
            id='pa-publish'
            type='primary'
            round
            block
            loading={busy}
            onClick={() => void act('发布报名', '发布后学员即可看到并报名本期，确认发布？', () => publishPeriod(periodId), '已发布')}
          >
            发布报名
          </Button>
        ) : null}
        {p.status !== 'draft' && p.status !== 'closed' ? (
          <Button
            id='pa-close'
            type='danger'
            plain
            round
            block
            loading={busy}
            onClick={() =>
              void act(
                '结营',
                '结营后为达标学员发放结营奖励和证书，数据将冻结且不可撤销。确认结营？',
                () => closePeriod(periodId),
                '已结营',
              )
            }
          >
            结营
          </Button>
        ) : null}
      </View>
    </View>
  )
  return (
    <PageState load={load} onRetry={() => void fetchPeriod()}>
      {ready}
    </PageState>
  )
}

export default function PeriodAdminPage() {
  const campId = useRouteParam('campId')
  const periodId = useRouteParam('periodId')
  return (
    <RoleGate role='admin'>
      <PeriodAdmin campId={campId} periodId={periodId} />
    </RoleGate>
  )
}
