import { View } from '@tarojs/components'
import type { HomeView } from '../home-data'
import { navigateTo } from '@/shared/route'

/** 报名中: camps with a period that takes members now. A camp the member joined says 进入 (its today page), not 立即加入. */
export default function OpenCamps({ open }: { open: HomeView['open'] }) {
  return (
    <View className='home__list'>
      {open.map(({ camp, joinedPeriodIds }) => {
        const period = camp.periods.find((p) => joinedPeriodIds.includes(p.id)) ?? camp.periods[0]
        const joined = joinedPeriodIds.length > 0
        const go = () => void (joined ? navigateTo('camp/today', { periodId: period.id }) : navigateTo('camp/detail', { campId: camp.id }))
        return (
          <View role='button' key={camp.id} id={`open-${camp.id}`} className='home__camp' onClick={go}>
            <View className='home__camp-body'>
              <View className='home__camp-title'>{camp.title}</View>
              <View className='home__camp-meta'>
                {period.title} · {period.status.value === 'running' ? '进行中，可加入' : `${period.startDay} 开营`}
              </View>
            </View>
            <View id={`open-${camp.id}-go`} className={`home__join${joined ? ' home__join--joined' : ''}`}>
              {joined ? '进入' : '立即加入'}
            </View>
          </View>
        )
      })}
    </View>
  )
}
