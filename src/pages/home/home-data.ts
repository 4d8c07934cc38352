import { pageUrl } from '@/shared/route'
import { callAction } from '@/shared/cloud'
import type { Envelope } from '@/shared/cloud/types'
import type { HomeCampItem, HomeUnreadReview, HomeView } from '@cloud/contracts/home-views'

/**
 * What 首页 and 我的 show comes from one `camp.home` call (every running camp's task today, points, streak, unread
 * reviews, camps open for joining). Kept here, not in features/camp, so the main package carries only these lines.
 * Promise chains rather than async/await: the weapp build turns each async function into a regenerator (main budget).
 */
export type { HomeCampItem, HomeUnreadReview, HomeView }

export const loadHome = (): Promise<Envelope<HomeView>> => callAction('camp', 'home', {})

export const reviewUrl = (r: Pick<HomeUnreadReview, 'periodId' | 'day'>) => pageUrl('review/comment', { periodId: r.periodId, day: r.day })

/** What a running camp's button says: 去打卡 until done, then where the teacher's feedback stands. */
export function taskAction(i: HomeCampItem): { label: string; done: boolean } {
  if (i.todayReview?.value === 'returned') return { label: '去重做', done: false }
  if (i.canCheckIn) return { label: '去打卡', done: false }
  if (i.checkedToday) return { label: i.todayReview?.value === 'reviewed' ? '看点评' : '已完成', done: true }
  return { label: '进入', done: true }
}
