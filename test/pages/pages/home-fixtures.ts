import type { HomeCampItem, HomeView } from '@cloud/contracts/home-views'
import { campView, periodView } from '../features/camp/fixtures'

export function homeItem(overrides: Partial<HomeCampItem> = {}): HomeCampItem {
  return {
    campId: 'c1',
    campTitle: '英语口语 21 天打卡营',
    coverFileId: '',
    period: periodView(),
    today: '2026-11-24',
    dayLabel: '第 2 天',
    taskTheme: '自我介绍',
    checkedToday: false,
    canCheckIn: true,
    currentStreak: 1,
    bestStreak: 1,
    checkedDays: 1,
    completionTarget: 5,
    todayReview: null,
    ...overrides,
  }
}

export function homeView(overrides: Partial<HomeView> = {}): HomeView {
  return {
    balance: 230,
    currentStreak: 3,
    mine: [homeItem()],
    unread: { count: 0, items: [] },
    open: [],
    ...overrides,
  }
}

export const openCamp = (id: string, title: string, joinedPeriodIds: string[] = []) => ({
  camp: campView({ id, title, periods: [periodView({ id: `${id}-p1`, campId: id })] }),
  joinedPeriodIds,
})
