import { View } from '@tarojs/components'
import type { SessionView } from '@cloud/contracts/class-views'
import { formatDateTime } from '@/shared/time'

/** What a member reads about a session's seats. */
export function seatsText(s: SessionView): string {
  if (s.started) return '已开始'
  return s.seatsLeft > 0 ? `剩余 ${s.seatsLeft} 个名额` : '名额已满，可报名候补'
}

export default function SessionItem({ session, selected, onSelect }: { session: SessionView; selected: boolean; onSelect?: () => void }) {
  const cls = `classes-session${selected ? ' classes-session--selected' : ''}${session.started ? ' classes-session--off' : ''}`
  return (
    <View role='button' id={`session-${session.id}`} className={cls} onClick={session.started ? undefined : onSelect}>
      <View className='classes-session__time'>{formatDateTime(session.startAt)}</View>
      <View className='classes-session__meta'>
        {session.durationMin} 分钟 · {seatsText(session)}
      </View>
    </View>
  )
}
