import type { CalendarView } from '@cloud/contracts/camp-views'

export type CalendarDay = CalendarView['days'][number]

/** One month of the period as weeks of 7 cells (Monday first); null cells are outside the period. */
export interface MonthBlock {
  key: string
  title: string
  weeks: (CalendarDay | null)[][]
}

function parts(day: string): { year: number; month: number; date: number; weekday: number } {
  const [year, month, date] = day.split('-').map(Number)
  // Calendar dates carry no time zone: read the weekday of that date at UTC midnight.
  const weekday = (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7
  return { year, month, date, weekday }
}

export const dateOf = (day: string): number => parts(day).date
export const monthDay = (day: string): string => day.slice(5)

/** The period's days laid out as month grids, so a member sees them as on a wall calendar. */
export function monthBlocks(days: readonly CalendarDay[]): MonthBlock[] {
  const blocks: MonthBlock[] = []
  let current: MonthBlock | null = null
  let week: (CalendarDay | null)[] = []
  const closeWeek = () => {
    if (!current || week.length === 0) return
    while (week.length < 7) week.push(null)
    current.weeks.push(week)
    week = []
  }
  for (const d of days) {
    const p = parts(d.day)
    const key = `${p.year}-${p.month}`
    if (!current || current.key !== key) {
      closeWeek()
      current = { key, title: `${p.year}年${p.month}月`, weeks: [] }
      blocks.push(current)
      week = Array.from({ length: p.weekday }, () => null)
    } else if (p.weekday === 0) {
      closeWeek()
    }
    week.push(d)
  }
  closeWeek()
  return blocks
}
