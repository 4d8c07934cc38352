/** What review's AI drafts read from camp (they never name camp's collections): a check-in's task and version. */
import type { DailyTask } from '../../domain/camp'
import { getCheckin, getPeriod } from './store'

export interface DraftSource {
  task: Pick<DailyTask, 'theme' | 'instructions'> | null
  round: number
  editedAt: number | null
}

/** The day's task of the check-in's period and the check-in's round and edit (two reads in parallel), or null. */
export async function draftSourceOf(periodId: string, checkinId: string): Promise<DraftSource | null> {
  const [period, checkin] = await Promise.all([getPeriod(periodId), getCheckin(checkinId)])
  if (!period || !checkin) return null
  const task = period.tasks.find((t) => t.day === checkin.dayIndex)
  return {
    task: task ? { theme: task.theme, instructions: task.instructions } : null,
    round: checkin.redoCount,
    editedAt: checkin.editedAt,
  }
}
