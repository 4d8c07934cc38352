import type { DailyTask } from '@cloud/domain/camp'

export interface TaskDraft {
  theme: string
  instructions: string
}

/** One row per day of the period, filled from the saved tasks (example media kept as they are). */
export function draftsFor(lengthDays: number, tasks: readonly DailyTask[]): TaskDraft[] {
  return Array.from({ length: lengthDays }, (_, i) => {
    const t = tasks.find((x) => x.day === i + 1)
    return { theme: t?.theme ?? '', instructions: t?.instructions ?? '' }
  })
}

/** Days with a theme become tasks; a day left blank has no task (members see the general instructions). */
export function tasksFrom(drafts: readonly TaskDraft[], saved: readonly DailyTask[]): { tasks: DailyTask[]; problem: string | null } {
  const tasks: DailyTask[] = []
  for (const [i, d] of drafts.entries()) {
    const theme = d.theme.trim()
    if (!theme && d.instructions.trim()) return { tasks: [], problem: `请填写第 ${i + 1} 天的主题` }
    if (theme.length > 40) return { tasks: [], problem: `第 ${i + 1} 天的主题不超过40个字` }
    if (!theme) continue
    const exampleMedia = saved.find((t) => t.day === i + 1)?.exampleMedia
    tasks.push({ day: i + 1, theme, instructions: d.instructions.trim(), ...(exampleMedia ? { exampleMedia } : {}) })
  }
  return { tasks, problem: null }
}
