import { View } from '@tarojs/components'
import './period-links.scss'
import { goTo } from '@/shared/route'

const LINKS = [
  { key: 'calendar', title: '我的日历' },
  { key: 'feed', title: '精选动态' },
  { key: 'leaderboard', title: '排行榜' },
  { key: 'reminder', title: '打卡提醒' },
] as const

/** The period's other pages, as a row of shortcuts; the certificate joins once the period has ended. */
export default function PeriodLinks({ periodId, ended }: { periodId: string; ended: boolean }) {
  const links = ended ? [...LINKS, { key: 'certificate', title: '结营证书' } as const] : LINKS
  return (
    <View className='period-links'>
      {links.map((l) => (
        <View role='button' key={l.key} id={`link-${l.key}`} className='period-links__item' onClick={goTo(`camp/${l.key}`, { periodId })}>
          {l.title}
        </View>
      ))}
    </View>
  )
}
