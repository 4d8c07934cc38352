import type { CheckinView } from '@cloud/contracts/camp-views'
import {
  PRESENCE_LABEL,
  type DistributionTeacherView,
  type DistributionView,
  type PresenceState,
  type QueueItemView,
  type QueuePageView,
  type ReviewOpenView,
  type ReviewView,
  type ScoreView,
  type SlaView,
  type TeacherStatsView,
} from '@cloud/contracts/review-views'
import type { MyReviewView } from '@/features/review/api'
import { refreshMe } from '@/shared/session'
import { ok } from '../mall/support'

export const T0 = Date.UTC(2026, 10, 23, 1, 0)
export const PERIOD = 'p1'
export const checkinIdOf = (member: string, day = '2026-11-23') => `checkin:${PERIOD}:${day}:${member}`

export const teacherMe = ok({ openid: 'oTeacher1', nickname: '王老师', isAdmin: false, isTeacher: true })
export const adminMe = ok({ openid: 'oAdmin1', nickname: '运营小王', isAdmin: true, isTeacher: false })
export const memberMe = ok({ openid: 'oMember1', nickname: '学员', isAdmin: false, isTeacher: false })

/** Each test asks identity.me again. */
export const freshSession = () => refreshMe()

export function queueItem(member = 'm1', overrides: Partial<QueueItemView> = {}): QueueItemView {
  const id = checkinIdOf(member)
  return {
    id,
    periodId: PERIOD,
    periodTitle: '第 3 期 · 21 天',
    member: { id: member, nickname: `学员${member}`, avatarFileId: '' },
    day: '2026-11-23',
    dayIndex: 5,
    textPreview: `${member} 的今日朗读打卡`,
    imageCount: 0,
    firstImage: null,
    voiceSec: null,
    moderation: { value: 'pass', label: '已通过' },
    flagged: false,
    assignee: null,
    reviewingBy: null,
    reviewStatus: { value: 'pending', label: '待点评' },
    redo: false,
    featured: false,
    submittedAt: T0,
    waitedMinutes: 65,
    waitedLabel: '1 小时 5 分',
    cursor: { submittedAt: T0, id },
    ...overrides,
  }
}

export function queuePageOf(items: QueueItemView[], next: QueuePageView['next'] = null): QueuePageView {
  const total = items.length
  return {
    items,
    next,
    backlog: {
      total,
      byPeriod: total ? [{ periodId: PERIOD, count: total }] : [],
      byDay: total ? [{ day: '2026-11-23', count: total }] : [],
      byPeriodDay: total ? [{ periodId: PERIOD, day: '2026-11-23', count: total }] : [],
    },
  }
}

export const STAR_OPTIONS: ScoreView[] = [1, 2, 3, 4, 5].map((n) => ({
  value: n as 1 | 2 | 3 | 4 | 5,
  label: `${n} 星`,
  short: '★'.repeat(n) + '☆'.repeat(5 - n),
}))
export const GRADE_OPTIONS: ScoreView[] = [
  { value: 'A', label: 'A · 优秀', short: 'A' },
  { value: 'B', label: 'B · 良好', short: 'B' },
  { value: 'C', label: 'C · 继续加油', short: 'C' },
]

export function reviewView(overrides: Partial<ReviewView> = {}): ReviewView {
  return {
    id: `review:${checkinIdOf('m1')}:0`,
    checkinId: checkinIdOf('m1'),
    round: 0,
    reviewer: { id: 'oTeacher1', name: '王老师' },
    comment: '读得很流利，继续加油！',
    voice: null,
    annotatedImages: [],
    score: { value: 4, label: '4 星', short: '★★★★☆' },
    outcome: { value: 'reviewed', label: '已点评' },
    redoReason: null,
    featured: false,
    reviewedAt: T0 + 3_600_000,
    editedAt: null,
    editable: true,
    ...overrides,
  }
}

export function openView(member = 'm1', overrides: Partial<ReviewOpenView> = {}, item: Partial<QueueItemView> = {}): ReviewOpenView {
  return {
    item: queueItem(member, item),
    content: { text: `${member} 今天读了《小王子》第三章`, images: [], voice: null },
    currentStreak: 5,
    bestStreak: 7,
    history: [
      {
        id: checkinIdOf(member, '2026-11-22'),
        day: '2026-11-22',
        dayIndex: 4,
        reviewStatus: { value: 'reviewed', label: '已点评' },
        featured: true,
      },
    ],
    review: null,
    scoreOptions: STAR_OPTIONS,
    ...overrides,
  }
}

export function statsView(overrides: Partial<TeacherStatsView> = {}): TeacherStatsView {
  return {
    // a handle (public id): stats name teachers by handle, never by openid
    teacher: { id: 'uTeacherHandle01', name: '王老师' },
    day: '2026-11-23',
    reviewedToday: 12,
    returnedToday: 2,
    backlog: 30,
    medianWaitMinutes: 25,
    medianWaitLabel: '中位等待 25 分钟',
    draftedToday: 3,
    draftRateLabel: '草稿采用率 25%（3 / 12）',
    periods: [{ periodId: PERIOD, title: '第 3 期 · 21 天', reviewed: 12, returned: 2, backlog: 30, medianWaitMinutes: 25 }],
    ...overrides,
  }
}

export function checkinView(overrides: Partial<CheckinView> = {}): CheckinView {
  return {
    id: checkinIdOf('oMember1'),
    day: '2026-11-23',
    dayIndex: 5,
    content: { text: '今天读了《小王子》第三章', images: [], voice: null },
    moderation: { value: 'pass', label: '已通过' },
    fromGroup: false,
    makeup: false,
    points: 10,
    submittedAt: T0,
    editedAt: null,
    reviewStatus: 'reviewed',
    featured: true,
    redoCount: 0,
    ...overrides,
  }
}

export function myReviewView(overrides: Partial<MyReviewView> = {}): MyReviewView {
  return {
    periodId: PERIOD,
    periodTitle: '21 天阅读营 · 第 3 期',
    day: '2026-11-23',
    dayIndex: 5,
    checkin: checkinView(),
    review: reviewView({ featured: true, editable: false, voice: { fileId: 'cloud://env/reviews/oTeacher1/p1/a.mp3', durationSec: 12 } }),
    reviewUnread: false,
    featuredBonus: 20,
    pointsEarned: 30,
    canRedo: false,
    ...overrides,
  }
}

const figure = (reviewed: number, p50: number | null, p90: number | null, perHour: number | null) => ({
  reviewed,
  p50Minutes: p50,
  p90Minutes: p90,
  perActiveHour: perHour,
})

/** 批改时效 of 王老师 over the last 7 days: 3 reviews, 6 waiting (one for over a day). */
export function slaView(overrides: Partial<SlaView> = {}): SlaView {
  const days = ['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']
  return {
    scope: 'mine',
    from: days[0],
    to: days[6],
    total: figure(3, 8, 62, 1.5),
    hourly: Array.from({ length: 24 }, (_, hour) => ({ hour, reviewed: hour === 8 ? 2 : hour === 9 ? 1 : 0 })),
    teachers: [{ teacher: { id: 'uTeacherHandle01', name: '王老师' }, ...figure(3, 8, 62, 1.5) }],
    byDay: days.map((day) => (day === '2026-11-23' ? { day, ...figure(3, 8, 62, 1.5) } : { day, ...figure(0, null, null, null) })),
    backlog: {
      waiting: 6,
      capped: false,
      ages: [
        { key: 'lt2h', label: '2 小时内', count: 2 },
        { key: 'h2to6', label: '2–6 小时', count: 2 },
        { key: 'h6to24', label: '6–24 小时', count: 1 },
        { key: 'gt24h', label: '超过 24 小时', count: 1 },
      ],
      oldest: {
        periodId: PERIOD,
        periodTitle: '英语打卡 · 第 3 期 · 21 天',
        day: '2026-11-21',
        queuedAt: T0 - 51 * 3_600_000,
        waitedMinutes: 51 * 60,
        waitedLabel: '2 天 3 小时',
        redo: false,
      },
    },
    nextPage: null,
    ...overrides,
  }
}

export const emptySla = (): SlaView =>
  slaView({
    total: figure(0, null, null, null),
    hourly: Array.from({ length: 24 }, (_, hour) => ({ hour, reviewed: 0 })),
    teachers: [{ teacher: { id: 'uTeacherHandle01', name: '王老师' }, ...figure(0, null, null, null) }],
    byDay: [],
    backlog: { waiting: 0, capped: false, ages: slaView().backlog.ages.map((a) => ({ ...a, count: 0 })), oldest: null },
  })

export function distributionView(overrides: Partial<DistributionView> = {}): DistributionView {
  const teacher = (id: string, name: string, backlog: number, state: PresenceState, extra: Partial<DistributionTeacherView> = {}) => ({
    teacherId: id,
    name,
    backlog,
    state: { value: state, label: PRESENCE_LABEL[state] },
    reviewing: false,
    lastActiveLabel: '最近活跃 10 分钟前',
    teams: [],
    ...extra,
  })
  return {
    periodId: PERIOD,
    periodTitle: '英语打卡 · 第 3 期 · 21 天',
    total: 12,
    pool: 2,
    teachers: [
      teacher('oTeacher1', '王老师', 4, 'present', { reviewing: true }),
      teacher('oTeacher2', '李老师', 5, 'present', { teams: ['晨读队'] }),
      teacher('oTeacher3', '赵老师', 1, 'away', { lastActiveLabel: '今天还没有点评' }),
    ],
    ...overrides,
  }
}
