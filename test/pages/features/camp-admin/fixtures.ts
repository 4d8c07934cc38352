import type { AdminCampSetup, AdminCampView, AdminPeriodView } from '@cloud/contracts/camp-results'
import { ok } from '../mall/support'

export const adminMe = ok({ openid: 'admin-01', nickname: '运营小王', isAdmin: true, isTeacher: false })
export const memberMe = ok({ openid: 'm-01', nickname: '学员', isAdmin: false, isTeacher: false })

/** A camp as the `camp` function's admin actions answer it. */
export function campDoc(overrides: Partial<AdminCampSetup> = {}): AdminCampSetup {
  return {
    _id: 'c1',
    title: '21 天英语口语打卡',
    subject: 'english',
    gradeTags: ['g3'],
    coverFileId: 'cloud://dev.bucket/camp-covers/a.jpg',
    description: '每天跟读',
    scoreScale: 'stars5',
    archived: false,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  }
}

/** A period as the `camp` function's admin actions answer it. */
export function periodDoc(overrides: Partial<AdminPeriodView> = {}): AdminPeriodView {
  return {
    _id: 'p1',
    campId: 'c1',
    index: 3,
    lengthDays: 7,
    startDay: '2026-11-23',
    tasks: [{ day: 1, theme: '自我介绍', instructions: '30 秒' }],
    contentTypes: ['text', 'voice'],
    window: { start: '06:00', end: '23:00' },
    cutoffMinutes: 120,
    capacity: 200,
    entry: { kind: 'invite_code', code: 'SPRING26' },
    boundGroups: [{ groupId: 'G123', boundAt: 0 }],
    joinUntilDay: null,
    points: { perCheckin: 10, streakMilestones: [{ days: 7, bonus: 30 }], completion: { minCheckins: 5, bonus: 100 }, groupMultiplier: 2 },
    makeup: { maxCount: 2, withinDays: 3, cost: 20, keepsStreak: true },
    status: 'draft',
    stats: null,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  }
}

export function adminCampView(periods: AdminPeriodView[] = [periodDoc()], camp: AdminCampSetup = campDoc()): AdminCampView {
  return { camp, periods, members: Object.fromEntries(periods.map((p) => [p._id, 12])) }
}
