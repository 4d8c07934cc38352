import { View } from '@tarojs/components'
import type { LearningReportView } from '@cloud/contracts/community'
import type { Envelope } from '@/shared/cloud/types'
import PageState, { useLoad } from '@/shared/ui/page-state'
import { useRouteParam } from '@/shared/route'
import { useChatShare } from '@/shared/share/use-share'
import MemberFace from '../../components/member-face'
import { memberReport, myReport } from '../../api'
import '../../community.scss'

/** The report, or "not yet": the period has not ended (COMMUNITY.REPORT_NOT_READY is a state, not an error). */
type Loaded = { ready: true; report: LearningReportView } | { ready: false }

const NOT_READY = 'COMMUNITY.REPORT_NOT_READY'

async function loadReport(periodId: string, member: string): Promise<Envelope<Loaded>> {
  const res = member ? await memberReport(periodId, member) : await myReport(periodId)
  if (res.code === 0) return { code: 0, data: { ready: true, report: res.data } }
  return res.code === NOT_READY ? { code: 0, data: { ready: false } } : res
}

function Stat({ id, value, label }: { id: string; value: string | number; label: string }) {
  return (
    <View id={id} className='community__stat'>
      <View className='community__stat-value'>{value}</View>
      <View className='community__meta'>{label}</View>
    </View>
  )
}

function ReportCard({ report, own }: { report: LearningReportView; own: boolean }) {
  return (
    <View className='community'>
      <View id='report-card' className='community__card'>
        <View className='community__row'>
          <MemberFace member={report.member} />
          <View className='community__name'>
            {report.member.nickname}
            <View className='community__meta'>{report.periodTitle}</View>
            <View className='community__meta'>
              {report.startDay} 至 {report.endDay}
            </View>
          </View>
          {report.completed ? <View className='community__tag community__tag--done'>已结营</View> : null}
        </View>
        <View className='community__stats'>
          <Stat id='stat-days' value={`${report.daysChecked + report.daysMadeUp} / ${report.lengthDays}`} label='打卡天数' />
          <Stat id='stat-streak' value={report.longestStreak} label='最长连续' />
          <Stat id='stat-points' value={report.points.earned} label='获得积分' />
        </View>
        <View className='community__meta'>
          按时打卡 {report.daysChecked} 天 · 补卡 {report.daysMadeUp} 天 · 出勤率 {report.attendancePercent}%
        </View>
        <View className='community__meta'>
          被精选 {report.featuredCount} 次 · 收到老师点评 {report.comments.count} 条
          {report.points.spent > 0 ? ` · 补卡花费 ${report.points.spent} 积分` : ''}
        </View>
        {report.team ? (
          <View id='report-team' className='community__meta'>
            {report.team.name} · 小队 PK 第 {report.team.rank} 名（共 {report.team.teams} 队）
          </View>
        ) : null}
      </View>
      {report.badges.length > 0 ? (
        <>
          <View className='community__section'>获得的徽章</View>
          <View className='community__card community__actions'>
            {report.badges.map((b) => (
              <View key={b.value} className='community__tag'>
                {b.label}
              </View>
            ))}
          </View>
        </>
      ) : null}
      <View className='community__section'>老师点评摘录</View>
      <View className='community__card'>
        {report.comments.highlights.length === 0 ? <View className='community__empty'>本期还没有文字点评</View> : null}
        {report.comments.highlights.map((text, i) => (
          <View key={i} className='community__quote'>
            “{text}”
          </View>
        ))}
      </View>
      {own ? <View className='community__hint'>点右上角「···」把报告转发给家人朋友</View> : null}
    </View>
  )
}

/**
 * 学习报告 of an ended period: the member's own (shareable), or — opened from the operator's list with `member` — that
 * member's report for staff. Before the period ends the page says when the report comes.
 */
export default function ReportPage() {
  const periodId = useRouteParam('periodId')
  const member = useRouteParam('member')
  const { load, reload } = useLoad(() => loadReport(periodId, member), `${periodId}:${member}`)
  const report = load.status === 'ready' && load.data.ready ? load.data.report : null
  // The card opens the camp, where a friend can join; a staff view of someone else's report shares nothing of it.
  useChatShare({
    target: report && !member ? { page: 'camp', campId: report.campId } : null,
    title:
      report && !member
        ? `我在「${report.campTitle}」打卡 ${report.daysChecked + report.daysMadeUp} 天，最长连续 ${report.longestStreak} 天！`
        : '一起来打卡学习吧！',
  })
  return (
    <PageState load={load} onRetry={() => void reload()} empty='报告将在本期结束后生成' isEmpty={(d) => !d.ready} emptyImage='default'>
      {(d) => (d.ready ? <ReportCard report={d.report} own={!member} /> : null)}
    </PageState>
  )
}
