/**
 * WeChat creates only one timer trigger per cloud function (config.json docs: "目前仅支持一个触发器"),
 * so a function with several periodic jobs has one trigger firing at the finest interval it needs and
 * this table decides which jobs a tick runs. Slots are minutes of the Asia/Shanghai day, as the trigger's
 * cron is evaluated in UTC+8; a tick's time is the trigger slot CloudBase puts in the event (`Time`), so a
 * late start still runs the jobs of its own slot.
 */
import { SHANGHAI_OFFSET_MS } from '../business-day'

const MINUTES_PER_DAY = 24 * 60

/** A job runs at every minute-of-day `m` (Shanghai) with `m % everyMinutes === atMinute`. */
export interface JobSchedule {
  /** Divides 1440: 5 = every five minutes, 60 = hourly, 1440 = daily. */
  everyMinutes: number
  /** Offset inside the period: hourly at :10 is `{ everyMinutes: 60, atMinute: 10 }`, daily 03:30 is `{ 1440, 210 }`. */
  atMinute: number
}

export interface FunctionTimer {
  /** The name of the function's one trigger in config.json. */
  trigger: string
  jobs: Readonly<Record<string, JobSchedule>>
}

export const TIMER_TRIGGER_NAME = 'jobs'

const every = (everyMinutes: number, atMinute = 0): JobSchedule => ({ everyMinutes, atMinute })
const dailyAt = (hhmm: string): JobSchedule => {
  const [h, m] = hhmm.split(':').map(Number)
  return every(MINUTES_PER_DAY, h * 60 + m)
}

/** Every periodic job of every function. Each function's config.json trigger must fire at all of its jobs' slots. */
export const TIMER_JOBS = {
  camp: { trigger: TIMER_TRIGGER_NAME, jobs: { reminders: every(5), complete: every(60, 10) } },
  classes: { trigger: TIMER_TRIGGER_NAME, jobs: { reminders: every(10, 0), waitlist: every(10, 5) } },
  points: { trigger: TIMER_TRIGGER_NAME, jobs: { expire: dailyAt('00:10'), reconcile: dailyAt('03:30') } },
  invites: { trigger: TIMER_TRIGGER_NAME, jobs: { settle: every(10) } },
  analytics: { trigger: TIMER_TRIGGER_NAME, jobs: { rollup: every(15) } },
  community: { trigger: TIMER_TRIGGER_NAME, jobs: { board: every(10) } },
  review: { trigger: TIMER_TRIGGER_NAME, jobs: { deal: every(1) } },
  mall: { trigger: TIMER_TRIGGER_NAME, jobs: { orders: every(10) } },
} as const satisfies Record<string, FunctionTimer>

export type TimedFunction = keyof typeof TIMER_JOBS
export type JobName<F extends TimedFunction> = keyof (typeof TIMER_JOBS)[F]['jobs'] & string

/** Minute of the Shanghai day (0…1439) that contains `epochMs`. */
export function shanghaiMinuteOfDay(epochMs: number): number {
  if (!Number.isFinite(epochMs)) throw new RangeError('epochMs must be a finite number')
  const minutes = Math.floor((epochMs + SHANGHAI_OFFSET_MS) / 60_000)
  return ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY
}

export function isDue(schedule: JobSchedule, epochMs: number): boolean {
  return shanghaiMinuteOfDay(epochMs) % schedule.everyMinutes === schedule.atMinute
}

/** The jobs a tick at `epochMs` runs, in table order. */
export function dueJobs(timer: FunctionTimer, epochMs: number): string[] {
  return Object.entries(timer.jobs)
    .filter(([, schedule]) => isDue(schedule, epochMs))
    .map(([name]) => name)
}

/** Table errors a test should catch: a period that does not divide the day, an offset outside the period. */
export function scheduleProblems(timer: FunctionTimer): string[] {
  return Object.entries(timer.jobs).flatMap(([name, s]) => {
    const problems: string[] = []
    if (!Number.isInteger(s.everyMinutes) || s.everyMinutes < 1 || MINUTES_PER_DAY % s.everyMinutes !== 0)
      problems.push(`${name}: everyMinutes ${s.everyMinutes} must divide 1440`)
    if (!Number.isInteger(s.atMinute) || s.atMinute < 0 || s.atMinute >= s.everyMinutes)
      problems.push(`${name}: atMinute ${s.atMinute} must be in [0, ${s.everyMinutes})`)
    return problems
  })
}
