import { View } from '@tarojs/components'
import './period-links.scss'
import { goTo } from '@/shared/route'

const LINKS = [
  { key: 'calendar', title: '我的日历' },
  { key: 'feed', title: '精选动态' },
  { key: 'leaderboard', title: '排行榜' },
  { key: 'reminder', title: '打卡提醒' },
] as const

interface Team {
  onTeam: boolean
  leads: boolean
}

/**
 * The period's other pages, as a row of shortcuts; the certificate and the 学习报告 join once the period has ended, the team PK board
 * once the member is on a team, and their team's day for a 组长 / 学习委员.
 */
export default function PeriodLinks({ periodId, ended, team }: { periodId: string; ended: boolean; team?: Team }) {
  const links = ended ? [...LINKS, { key: 'certificate', title: '结营证书' } as const] : LINKS
  return (
    <View className='period-links'>
      {links.map((l) => (
        <View role='button' key={l.key} id={`link-${l.key}`} className='period-links__item' onClick={goTo(`camp/${l.key}`, { periodId })}>
          {l.title}
        </View>
      ))}
      {ended ? (
        <View role='button' id='link-report' className='period-links__item' onClick={goTo('community/report', { periodId })}>
          学习报告
        </View>
      ) : null}
      {team?.onTeam ? (
        <View role='button' id='link-team-board' className='period-links__item' onClick={goTo('community/board', { periodId })}>
          小队 PK
        </View>
      ) : null}
      {team?.leads ? (
        <View role='button' id='link-team-day' className='period-links__item' onClick={goTo('community/team-day', { periodId })}>
          本队今日
        </View>
      ) : null}
    </View>
  )
}
