import { View } from '@tarojs/components'
import LoadMore from '@/shared/ui/load-more'
import { fileSrc } from '@/shared/cloud'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import { useRouteParam } from '@/shared/route'
import { formatShortDateTime } from '@/shared/time'
import { feed, type FeedCursor } from '../../api'
import MemberAvatar from '../../components/member-avatar'
import PhotoGrid from '../../components/photo-grid'
import VoicePlayer from '@/shared/ui/voice/player'
import './index.scss'
import PageState from '@/shared/ui/page-state'

/** The teacher-featured check-ins of a period (精选), newest first. */
export default function FeedPage() {
  const periodId = useRouteParam('periodId')
  const list = usePagedList((cursor: FeedCursor | undefined) => feed(periodId, cursor), [periodId])
  useListPageEvents(list)

  return (
    <PageState load={list.load} onRetry={() => void list.reload()} empty='老师还没有精选打卡，先去完成今天的任务吧'>
      {(items) => (
        <View className='feed'>
          {items.map((item) => (
            <View key={item.id} id={`feed-${item.id}`} className='feed__item'>
              <View className='feed__head'>
                <MemberAvatar member={item.member} />
                <View className='feed__who'>
                  <View className='feed__name'>{item.member.nickname}</View>
                  <View className='feed__meta'>
                    第 {item.dayIndex} 天 · {formatShortDateTime(item.featuredAt, Date.now())} 精选
                  </View>
                </View>
                <View className='feed__badge'>精选</View>
              </View>
              {item.content.text ? <View className='feed__text'>{item.content.text}</View> : null}
              {item.content.images.length ? (
                <PhotoGrid
                  photos={item.content.images.map((f) => ({ key: f, preview: fileSrc(f), fileId: f, state: 'done' }))}
                  max={item.content.images.length}
                />
              ) : null}
              {item.content.voice ? (
                <VoicePlayer src={fileSrc(item.content.voice.fileId)} durationSec={item.content.voice.durationSec} />
              ) : null}
            </View>
          ))}
          <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
        </View>
      )}
    </PageState>
  )
}
