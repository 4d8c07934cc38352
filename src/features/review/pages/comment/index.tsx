import { useCallback, useEffect, useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import Button from '@/shared/ui/button'
import Empty from '@/shared/ui/empty'
import { navigateTo, routeParam } from '@/shared/route'
import { myReview, type MyReviewView } from '../../api'
import CheckinContent from '../../components/checkin-content'
import ReviewCard from '../../components/review-card'
import './index.scss'
import LoadError from '@/shared/ui/load-error'
import { Loading } from '@/shared/ui/page-state'

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; view: MyReviewView }

/**
 * The member's landing from the "review arrived" message (REVIEW_LANDING_PAGE): their check-in of that day with the
 * teacher's comment under it, the score, 精选 and the points it earned.
 */
export default function ReviewCommentPage() {
  const periodId = useMemo(() => routeParam('periodId'), [])
  const day = useMemo(() => routeParam('day'), [])
  const [load, setLoad] = useState<Load>({ status: 'loading' })

  const fetchView = useCallback(async () => {
    if (!periodId || !day) return setLoad({ status: 'error', message: '链接不完整，请从打卡页查看点评' })
    const res = await myReview(periodId, day)
    setLoad(res.code === 0 ? { status: 'ready', view: res.data } : { status: 'error', message: res.message })
  }, [periodId, day])
  useEffect(() => void fetchView(), [fetchView])
  usePullDownRefresh(() => void fetchView().then(() => Taro.stopPullDownRefresh()))

  if (load.status === 'loading') return <Loading />
  if (load.status === 'error') {
    return <LoadError message={load.message} onRetry={() => void fetchView()} />
  }
  const { view } = load
  const { checkin, review } = view
  if (!checkin) return <Empty description='这天没有打卡记录' />
  const points = checkin.points + view.featuredBonus
  return (
    <View className='rv-comment'>
      <View className='rv-comment__section'>
        <View className='rv-comment__title'>
          {view.periodTitle} · 第 {checkin.dayIndex} 天
        </View>
        <CheckinContent content={checkin.content} />
        <View id='comment-points' className='rv-comment__points'>
          这次打卡获得 {points} 积分{view.featuredBonus > 0 ? `（含精选奖励 ${view.featuredBonus} 积分）` : ''}
        </View>
      </View>
      <View className='rv-comment__section'>
        {review ? (
          <>
            {view.reviewUnread ? (
              <View id='comment-unread' className='rv-comment__new'>
                新点评
              </View>
            ) : null}
            <ReviewCard review={review} title={`${review.reviewer.name}的点评`} />
          </>
        ) : (
          <View id='comment-waiting' className='rv-comment__waiting'>
            老师还没有点评，点评后会第一时间通知你
          </View>
        )}
        {view.canRedo ? (
          <Button
            id='comment-redo'
            type='primary'
            block
            round
            onClick={() => void navigateTo('camp/today', { periodId: view.periodId, redoDay: view.day })}
          >
            去重新提交
          </Button>
        ) : null}
      </View>
    </View>
  )
}
