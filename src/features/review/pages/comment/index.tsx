import { View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import { navigateTo, useRouteParam } from '@/shared/route'
import { myReview, type MyReviewView } from '../../api'
import CheckinContent from '../../components/checkin-content'
import ReviewCard from '../../components/review-card'
import './index.scss'
import PageState, { useLoad } from '@/shared/ui/page-state'

/**
 * The member's landing from the "review arrived" message (REVIEW_LANDING_PAGE): their check-in of that day with the
 * teacher's comment under it, the score, 精选 and the points it earned.
 */
export default function ReviewCommentPage() {
  const periodId = useRouteParam('periodId')
  const day = useRouteParam('day')
  const { load, reload } = useLoad(
    async () => (periodId && day ? myReview(periodId, day) : { code: 'CLIENT.BAD_LINK', message: '链接不完整，请从打卡页查看点评' }),
    `${periodId}/${day}`,
  )
  return (
    <PageState load={load} onRetry={() => void reload()} empty='这天没有打卡记录' isEmpty={(view) => !view.checkin}>
      {(view) => (view.checkin ? <Comment view={view} checkin={view.checkin} /> : null)}
    </PageState>
  )
}

function Comment({ view, checkin }: { view: MyReviewView; checkin: NonNullable<MyReviewView['checkin']> }) {
  const { review } = view
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
