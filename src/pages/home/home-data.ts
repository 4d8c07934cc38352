import { callCloud } from '@/shared/cloud'
import type { CampListView, MyPeriodItem, MyPeriodsView } from '@cloud/contracts/camp-results'
import type { CampView, TodayView } from '@cloud/contracts/camp-views'

/**
 * What the home tab shows, in as few calls as it can: my periods, today's task of the one running now, and camps
 * open for joining. Kept here (not in features/camp) so the main package carries only these few lines, not the camp feature.
 * Promise chains rather than async/await: the weapp build turns each async function into a regenerator (main budget).
 */
export interface HomeData {
  current: MyPeriodItem | null
  today: TodayView | null
  camps: CampView[]
}

const rank = (i: MyPeriodItem) => ['running', 'open'].indexOf(i.period.status.value) + 1 || 9

export function loadHome(): Promise<HomeData> {
  return Promise.all([
    callCloud<MyPeriodsView>('camp', 'myPeriods', { limit: 10 }),
    callCloud<CampListView>('camp', 'listCamps', { limit: 10 }),
  ]).then(([mine, list]) => {
    const items = mine.code === 0 ? mine.data.items : []
    // Running first, then recruiting; a finished period is not "current".
    const current = [...items].sort((a, b) => rank(a) - rank(b)).find((i) => rank(i) < 9) ?? null
    const data: HomeData = {
      current,
      today: null,
      camps: list.code === 0 ? list.data.items.slice(0, 5) : [],
    }
    if (!current) return data
    return callCloud<TodayView>('camp', 'today', { periodId: current.period.id }).then((t) => ({
      ...data,
      today: t.code === 0 ? t.data : null,
    }))
  })
}
