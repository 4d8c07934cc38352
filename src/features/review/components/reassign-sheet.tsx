import { useRef } from 'react'
import { View } from '@tarojs/components'
import type { DistributionTeacherView, QueueItemView } from '@cloud/contracts/review-views'
import { confirm, toast, toastSuccess } from '@/shared/ui/feedback'
import PageState, { Loading, useLoad } from '@/shared/ui/page-state'
import { distribution, reassign } from '../api'
import './reassign-sheet.scss'

interface Props {
  item: QueueItemView
  onClose: () => void
  /** The item after the move. */
  onDone: (item: QueueItemView) => void
}

/**
 * 改派 (operators): the teachers of the item's period with their backlogs and presence; picking one asks first, and
 * asks again when another teacher has the item open (moving it then means their submit is refused).
 */
export default function ReassignSheet({ item, onClose, onDone }: Props) {
  const { load, reload } = useLoad(() => distribution(item.periodId), item.id)
  const busy = useRef(false)

  const moveTo = async (t: DistributionTeacherView) => {
    if (busy.current) return
    busy.current = true
    try {
      const what = `${item.member.nickname}第 ${item.dayIndex} 天的打卡`
      if (!(await confirm({ title: '改派', content: `把${what}改派给${t.name}？改派后由${t.name}点评。` }))) return
      let res = await reassign(item.id, t.teacherId)
      if (res.code === 'REVIEW.LEASED') {
        const force = await confirm({
          title: '对方正在点评',
          content: `${item.reviewingBy ?? '其他老师'}正在点评${what}。仍要改派吗？改派后对方将无法提交这份点评。`,
          confirmText: '仍要改派',
        })
        if (!force) return
        res = await reassign(item.id, t.teacherId, true)
      }
      if (res.code !== 0) return void toast(res.message)
      toastSuccess('已改派')
      onDone(res.data)
    } finally {
      busy.current = false
    }
  }

  return (
    <View className='rv-reassign'>
      <View role='button' aria-label='关闭' className='rv-reassign__mask' onClick={onClose} />
      <View id='reassign-sheet' className='rv-reassign__panel'>
        <View className='rv-reassign__title'>改派给</View>
        <PageState load={load} onRetry={() => void reload()} loading={<Loading what='老师' inline />}>
          {(v) => {
            const others = v.teachers.filter((t) => t.teacherId !== item.assignee?.teacherId)
            if (others.length === 0) return <View className='rv-reassign__empty'>本期没有其他可以点评的老师</View>
            return (
              <View>
                {others.map((t) => (
                  <View
                    key={t.teacherId}
                    role='button'
                    id={`reassign-to-${t.teacherId}`}
                    className='rv-reassign__row'
                    onClick={() => void moveTo(t)}
                  >
                    <View className='rv-reassign__name'>{t.name}</View>
                    <View className='rv-reassign__meta'>
                      {t.state.label} · 待点评 {t.backlog}
                    </View>
                  </View>
                ))}
              </View>
            )
          }}
        </PageState>
        <View role='button' id='reassign-cancel' className='rv-reassign__cancel' onClick={onClose}>
          取消
        </View>
      </View>
    </View>
  )
}
