/**
 * Local-only handle on the app's timer jobs: each function has one trigger (WeChat allows no more) that
 * dispatches several jobs by schedule; the dev panel and tests run a single job by sending that trigger's
 * event with `Job` set (see cloudfunctions/src/shared/timer-dispatch.ts).
 */
import { TIMER_JOBS, type FunctionTimer, type JobSchedule } from '../../cloudfunctions/src/domain/schedule/timer-jobs'
import type { FunctionRuntime, InvokeOutcome } from '../../emulator/functions'

export interface TimerJobView {
  name: string
  /** e.g. "每 5 分钟" or "每天 03:30" (Shanghai time). */
  schedule: string
}

const tableOf = (fn: string): FunctionTimer | undefined =>
  Object.prototype.hasOwnProperty.call(TIMER_JOBS, fn) ? (TIMER_JOBS as Record<string, FunctionTimer>)[fn] : undefined

const pad = (n: number) => String(n).padStart(2, '0')

export function describeSchedule(s: JobSchedule): string {
  if (s.everyMinutes === 1440) return `每天 ${pad(Math.floor(s.atMinute / 60))}:${pad(s.atMinute % 60)}`
  if (s.everyMinutes % 60 === 0) return `每 ${s.everyMinutes / 60} 小时（第 ${s.atMinute} 分钟）`
  return s.atMinute === 0 ? `每 ${s.everyMinutes} 分钟` : `每 ${s.everyMinutes} 分钟（第 ${s.atMinute} 分起）`
}

export function jobsOf(fn: string): TimerJobView[] {
  const table = tableOf(fn)
  return table ? Object.entries(table.jobs).map(([name, s]) => ({ name, schedule: describeSchedule(s) })) : []
}

/** Runs one job of a function now, through the function's real trigger. */
export function runTimerJob(runtime: FunctionRuntime, fn: string, job: string): Promise<InvokeOutcome> {
  const table = tableOf(fn)
  if (!table || !Object.prototype.hasOwnProperty.call(table.jobs, job)) throw new Error(`function ${fn} has no timer job ${job}`)
  return runtime.runTrigger(fn, table.trigger, { Job: job })
}
