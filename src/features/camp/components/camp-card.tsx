import { Image, View } from '@tarojs/components'
import type { CampView, PeriodView } from '@cloud/contracts/camp-views'
import { fileSrc } from '@/shared/cloud'
import './camp-card.scss'

/** The period a visitor cares about: one recruiting or running, else the latest. */
export function featuredPeriod(camp: CampView): PeriodView | null {
  const live = camp.periods.filter((p) => p.status.value === 'open' || p.status.value === 'running')
  const pool = live.length ? live : camp.periods
  return pool.reduce<PeriodView | null>((best, p) => (!best || p.index > best.index ? p : best), null)
}

export default function CampCard({ camp, onClick }: { camp: CampView; onClick: () => void }) {
  const period = featuredPeriod(camp)
  return (
    <View role='button' id={`camp-${camp.id}`} className='camp-card' onClick={onClick}>
      {camp.coverFileId ? (
        <Image className='camp-card__cover' src={fileSrc(camp.coverFileId)} mode='aspectFill' />
      ) : (
        <View className='camp-card__cover camp-card__cover--empty'>{camp.subject.label}</View>
      )}
      <View className='camp-card__body'>
        <View className='camp-card__title'>{camp.title}</View>
        <View className='camp-card__tags'>
          <View className='camp-card__tag camp-card__tag--subject'>{camp.subject.label}</View>
          {camp.grades.map((g) => (
            <View key={g.value} className='camp-card__tag'>
              {g.label}
            </View>
          ))}
        </View>
        <View className='camp-card__period'>
          {period ? (
            <>
              {period.title}
              <View className={`camp-card__status camp-card__status--${period.status.value}`}>{period.status.label}</View>
            </>
          ) : (
            '新一期即将开放'
          )}
        </View>
      </View>
    </View>
  )
}
