import type { PeriodDashboardView, PeriodMembersPage } from '@cloud/contracts/analytics'

const grid = () => Array.from({ length: 7 }, () => new Array<number>(24).fill(0))

/** A computed 7-day period: 40 joined, 30 checked in, 12 completed, 2 paid in round 1; check-ins Monday 8:00 and Wednesday 21:00. */
export function dashboard(patch: Partial<PeriodDashboardView> = {}): PeriodDashboardView {
  const heatmap = grid()
  heatmap[0][8] = 9
  heatmap[2][21] = 3
  return {
    period: { id: 'p1', title: '英语口语打卡 第3期', startDay: '2026-03-02', lengthDays: 7, status: 'running', reachedDays: 3 },
    computedAt: Date.parse('2026-03-04T10:05:00+08:00'),
    stages: { joined: 40, checkedIn: 30, half: 20, completed: 12, paid: 2 },
    byChannel: [{ key: 'poster', joined: 25, checkedIn: 20, half: 14, completed: 9, paid: 2 }],
    byPoster: [{ key: 'AB12', joined: 10, checkedIn: 8, half: 5, completed: 3, paid: 1 }],
    participation: [{ dayIndex: 1, day: '2026-03-02', count: 30, of: 40, rate: 0.75 }],
    retention: [{ dayIndex: 1, day: '2026-03-02', count: 30, of: 30, rate: 1 }],
    completionRate: 0.3,
    days: [{ day: '2026-03-02', dayIndex: 1, checkedIn: 30, makeups: 0, newJoins: 40 }],
    heatmap,
    busiestHours: [
      { hour: 8, checkins: 9 },
      { hour: 21, checkins: 3 },
    ],
    rounds: [{ round: 1, name: '结营特惠', startDay: '2026-03-09', paid: 2, rateOfMembers: 0.05, rateOfCompleted: 0.1667 }],
    ...patch,
  }
}

export function membersPage(patch: Partial<PeriodMembersPage> = {}): PeriodMembersPage {
  return {
    items: [
      { memberId: 'm-amy', nickname: '小美', checkins: 6, makeups: 1, completed: true, conversion: null },
      { memberId: 'm-bo', nickname: '阿博', checkins: 2, makeups: 0, completed: false, conversion: null },
    ],
    next: null,
    rounds: [
      { round: 1, name: '结营特惠', startDay: '2026-03-09' },
      { round: 2, name: '二轮跟进', startDay: '2026-03-11' },
    ],
    ...patch,
  }
}
