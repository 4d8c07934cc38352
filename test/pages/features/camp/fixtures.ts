import type { CalendarView, CampView, CheckinView, PeriodView, TodayView } from '@cloud/contracts/camp-views'
import type { MyPeriodItem } from '@cloud/contracts/camp-results'
import type { CalendarStatus } from '@cloud/domain/camp'

export function periodView(overrides: Partial<PeriodView> = {}): PeriodView {
  return {
    id: 'p1',
    campId: 'c1',
    index: 3,
    title: '第 3 期 · 7 天',
    lengthDays: 7,
    startDay: '2026-11-23',
    endDay: '2026-11-29',
    status: { value: 'running', label: '进行中' },
    contentTypes: [
      { value: 'text', label: '文字' },
      { value: 'image', label: '图片' },
      { value: 'voice', label: '语音' },
    ],
    windowLabel: null,
    entry: { value: 'open', label: '自由加入' },
    capacity: 500,
    perCheckin: 10,
    groupMultiplier: 2,
    completion: { minCheckins: 5, bonus: 100 },
    makeup: { maxCount: 2, withinDays: 3, cost: 20, keepsStreak: true },
    ...overrides,
  }
}

export function campView(overrides: Partial<CampView> = {}): CampView {
  return {
    id: 'c1',
    title: '21 天英语口语打卡',
    subject: { value: 'english', label: '英语' },
    grades: [{ value: 'g3', label: '三年级' }],
    coverFileId: '',
    description: '每天跟读一段课文',
    periods: [periodView()],
    ...overrides,
  }
}

export function checkinView(overrides: Partial<CheckinView> = {}): CheckinView {
  return {
    id: 'checkin:p1:2026-11-24:m-01',
    day: '2026-11-24',
    dayIndex: 2,
    content: { text: '今天读了第二课', images: [], voice: null },
    moderation: { value: 'pass', label: '已通过' },
    fromGroup: false,
    makeup: false,
    points: 10,
    submittedAt: Date.UTC(2026, 10, 24, 12, 0),
    editedAt: null,
    reviewStatus: 'pending',
    featured: false,
    redoCount: 0,
    ...overrides,
  }
}

export function todayView(overrides: Partial<TodayView> = {}): TodayView {
  return {
    period: periodView(),
    joined: true,
    dayIndex: 2,
    dayLabel: '第 2 天',
    today: '2026-11-24',
    task: { day: 2, theme: '自我介绍', instructions: '用英语介绍自己 30 秒' },
    checkin: null,
    canCheckIn: true,
    currentStreak: 1,
    bestStreak: 1,
    checkedDays: 1,
    completionTarget: 5,
    pointsEarned: 10,
    reminderTime: null,
    review: null,
    reviewUnread: false,
    canRedo: false,
    team: { onTeam: false, leads: false },
    badges: [],
    tier: null,
    ...overrides,
  }
}

const LABEL: Record<CalendarStatus, string> = {
  checked: '已打卡',
  made_up: '已补卡',
  missed: '未打卡',
  today: '今日待打卡',
  upcoming: '未开始',
  not_joined: '未加入',
}

/** A 7-day period from Monday 2026-11-23, one status per day. */
export function calendarView(statuses: CalendarStatus[], overrides: Partial<CalendarView> = {}): CalendarView {
  return {
    periodId: 'p1',
    today: '2026-11-26',
    days: statuses.map((s, i) => ({
      index: i + 1,
      day: `2026-11-${String(23 + i).padStart(2, '0')}`,
      status: { value: s, label: LABEL[s] },
      canMakeUp: s === 'missed',
      theme: null,
      hasCheckin: s === 'checked' || s === 'made_up',
      review: null,
    })),
    unreadReviews: 0,
    summary: {
      checked: statuses.filter((s) => s === 'checked').length,
      madeUp: statuses.filter((s) => s === 'made_up').length,
      missed: statuses.filter((s) => s === 'missed').length,
      total: statuses.length,
    },
    currentStreak: 0,
    bestStreak: 2,
    makeupsLeft: 2,
    makeupCost: 20,
    badges: [],
    tier: null,
    ...overrides,
  }
}

export function myPeriod(overrides: Partial<MyPeriodItem> = {}): MyPeriodItem {
  return {
    campId: 'c1',
    campTitle: '21 天英语口语打卡',
    coverFileId: '',
    period: periodView(),
    today: '2026-11-24',
    checkedToday: false,
    checkedDays: 1,
    currentStreak: 1,
    pointsEarned: 10,
    completed: false,
    ...overrides,
  }
}

/** Stands in for the emulator's local upload endpoint (and the blob fetch before it) that the H5 uploadFile uses. */
export function fakeUploads(): { paths: string[]; restore: () => void } {
  const paths: string[] = []
  const original = globalThis.fetch
  globalThis.fetch = jest.fn(async (input: RequestInfo | URL) => {
    const url = String(input)
    if (url.startsWith('/__local/upload')) {
      const cloudPath = decodeURIComponent(url.split('cloudPath=')[1] ?? '')
      paths.push(cloudPath)
      return { ok: true, json: async () => ({ fileID: `cloud://dev.bucket/${cloudPath}` }) } as Response
    }
    if (url.startsWith('/__local/subscribe')) {
      return { ok: true, json: async () => ({ 'tpl-camp-checkin-reminder': 'accept' }) } as Response
    }
    return { ok: true, blob: async () => new Blob(['x']) } as Response
  }) as typeof fetch
  return { paths, restore: () => void (globalThis.fetch = original) }
}
