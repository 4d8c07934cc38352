/**
 * The one timer trigger of a function runs the jobs its schedule table says are due at the trigger's slot.
 * An event with `Job` runs that one job whatever the time: the local dev panel and tests send it, and
 * only an invocation without a user identity (a trigger, the emulator) gets here at all.
 */
import { fail, ok, type Envelope } from '../contracts/envelope'
import { dueJobs, type FunctionTimer, type JobName, type TimedFunction, TIMER_JOBS } from '../domain/schedule/timer-jobs'
import { now } from './clock'

type TimerJob = () => Promise<unknown>

export interface FunctionTimerJobs {
  table: FunctionTimer
  run: Readonly<Record<string, TimerJob>>
}

/** Binds a function's rows of TIMER_JOBS to the code that runs them; the type demands one runner per job. */
export function timerJobs<F extends TimedFunction>(fn: F, run: Record<JobName<F>, TimerJob>): FunctionTimerJobs {
  return { table: TIMER_JOBS[fn], run }
}

/** The trigger slot CloudBase sends ("2026-03-02T12:10:00Z", UTC); the clock when absent or unreadable. */
function tickOf(event: Record<string, unknown>): number {
  const at = typeof event.Time === 'string' ? Date.parse(event.Time) : NaN
  return Number.isFinite(at) ? at : now()
}

export async function runTimerEvent(timer: FunctionTimerJobs, event: Record<string, unknown>): Promise<Envelope<unknown>> {
  const unknown = fail('REQUEST.UNKNOWN_ACTION', '不支持的操作')
  if (event.TriggerName !== timer.table.trigger) return unknown
  if (event.Job !== undefined) {
    const job =
      typeof event.Job === 'string' && Object.prototype.hasOwnProperty.call(timer.run, event.Job) ? timer.run[event.Job] : undefined
    return job ? ok(await job()) : unknown
  }
  const tick = tickOf(event)
  const ran: Record<string, unknown> = {}
  const failed: string[] = []
  // One job's failure must not starve the others of their slot: each runs, failures are reported together.
  for (const name of dueJobs(timer.table, tick)) {
    try {
      ran[name] = await timer.run[name]()
    } catch (err) {
      console.error(`[timer ${name}]`, err)
      failed.push(name)
    }
  }
  if (failed.length > 0) return fail('SYS.INTERNAL', '系统繁忙，请稍后再试', { failed, ran: Object.keys(ran) })
  return ok({ tick: new Date(tick).toISOString(), ran })
}
