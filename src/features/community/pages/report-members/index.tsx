import { useState } from 'react'
import { View } from '@tarojs/components'
import type { ReportMemberRow, ReportMembersPage } from '@cloud/contracts/community'
import type { Envelope } from '@/shared/cloud/types'
import LoadMore from '@/shared/ui/load-more'
import PageState, { useLoad } from '@/shared/ui/page-state'
import { toastError } from '@/shared/ui/feedback'
import { goTo, useRouteParam } from '@/shared/route'
import MemberFace from '../../components/member-face'
import { reportMembers } from '../../api'
import '../../community.scss'

type Loaded = { ready: true; page: ReportMembersPage } | { ready: false }

async function firstPage(periodId: string): Promise<Envelope<Loaded>> {
  const res = await reportMembers(periodId)
  if (res.code === 0) return { code: 0, data: { ready: true, page: res.data } }
  return res.code === 'COMMUNITY.REPORT_NOT_READY' ? { code: 0, data: { ready: false } } : res
}

function Row({ periodId, row, n, lengthDays }: { periodId: string; row: ReportMemberRow; n: number; lengthDays: number }) {
  return (
    <View
      role='button'
      id={`report-member-${n}`}
      className='community__row'
      onClick={goTo('community/report', { periodId, member: row.member.id })}
    >
      <MemberFace member={row.member} />
      <View className='community__name'>{row.member.nickname}</View>
      <View className='community__meta'>
        打卡 {row.daysChecked + row.daysMadeUp} / {lengthDays} 天{row.daysMadeUp > 0 ? `（补卡 ${row.daysMadeUp}）` : ''}
      </View>
    </View>
  )
}

/** The operator's list of an ended period's members; a row opens that member's 学习报告. */
export default function ReportMembersPage() {
  const periodId = useRouteParam('periodId')
  const [more, setMore] = useState<{ rows: ReportMemberRow[]; cursor: string | null } | null>(null)
  const [loading, setLoading] = useState(false)
  const { load, reload } = useLoad(async () => {
    setMore(null)
    return firstPage(periodId)
  }, periodId)
  const loadMore = async (cursor: string, shown: ReportMemberRow[]) => {
    setLoading(true)
    const res = await reportMembers(periodId, cursor)
    setLoading(false)
    if (res.code !== 0) return toastError(res)
    setMore({ rows: [...shown, ...res.data.members], cursor: res.data.cursor })
  }
  return (
    <PageState load={load} onRetry={() => void reload()} empty='报告将在本期结束后生成' isEmpty={(d) => !d.ready} emptyImage='default'>
      {(d) => {
        if (!d.ready) return null
        const rows = more?.rows ?? d.page.members
        const cursor = more ? more.cursor : d.page.cursor
        return (
          <View className='community'>
            <View className='community__card'>
              <View className='community__title'>{d.page.periodTitle}</View>
              <View className='community__meta'>点选学员查看其学习报告</View>
            </View>
            <View className='community__card'>
              {rows.length === 0 ? <View className='community__empty'>本期没有学员</View> : null}
              {rows.map((r, i) => (
                <Row key={r.member.id} periodId={periodId} row={r} n={i} lengthDays={d.page.lengthDays} />
              ))}
              {cursor !== null ? (
                <LoadMore id='members-more' status={loading ? 'loading' : 'idle'} onLoad={() => void loadMore(cursor, rows)} />
              ) : null}
            </View>
          </View>
        )
      }}
    </PageState>
  )
}
