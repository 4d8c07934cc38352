/**
 * Team PK: teams ranked by today's check-in rate, and for the period by the average rate over the days so far.
 * A period has at most 100 teams (teams.ts), and each team's counters live on its own team document (members,
 * checked today, check-ins so far, sum of current streaks) — so a board is ONE read of ≤ 100 documents whatever the
 * period's size, and a page is a slice of it. Ties: the higher streak sum, then the lower team number.
 */

export interface TeamCounters {
  index: number
  name: string
  size: number
  /** Members who checked in today (on time). */
  checkedToday: number
  /** On-time check-ins of the period so far. */
  checkinsSoFar: number
  /** Sum of the members' current streaks. */
  streakSum: number
}

export type TeamBoard = 'today' | 'period'

export interface TeamRow {
  rank: number
  index: number
  name: string
  size: number
  /** 0..1, 4 decimals. */
  rate: number
  averageStreak: number
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000

/** `daysSoFar`: the period days reached, today included (≥ 1 once the period started). */
export function rateOf(t: TeamCounters, board: TeamBoard, daysSoFar: number): number {
  if (t.size <= 0) return 0
  if (board === 'today') return round4(Math.min(1, t.checkedToday / t.size))
  return daysSoFar > 0 ? round4(Math.min(1, t.checkinsSoFar / (t.size * daysSoFar))) : 0
}

export function rankTeams(teams: readonly TeamCounters[], board: TeamBoard, daysSoFar: number): TeamRow[] {
  return teams
    .map((t) => ({ t, rate: rateOf(t, board, daysSoFar) }))
    .sort((a, b) => b.rate - a.rate || b.t.streakSum - a.t.streakSum || a.t.index - b.t.index)
    .map(({ t, rate }, i) => ({
      rank: i + 1,
      index: t.index,
      name: t.name,
      size: t.size,
      rate,
      averageStreak: t.size > 0 ? Math.round((t.streakSum / t.size) * 10) / 10 : 0,
    }))
}

/** A page of a ranked board: `offset` rows skipped (boards hold ≤ 100 rows, so an offset cursor is exact). */
export function pageOf(rows: readonly TeamRow[], offset: number, limit: number): { rows: TeamRow[]; next: number | null } {
  const page = rows.slice(offset, offset + limit)
  return { rows: page, next: offset + limit < rows.length ? offset + limit : null }
}
