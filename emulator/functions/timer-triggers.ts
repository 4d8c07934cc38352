/**
 * Fires timer triggers against the emulator clock. Each trigger keeps a cursor
 * (the emulator time it was last checked at); a check fires the trigger when a
 * slot lies in (cursor, now]. After a jump over many slots it fires once, for
 * the latest one, as a dev clock jump should not replay days of cron ticks.
 */
import type { EmulatorClock } from '../core/clock'
import type { FunctionDefinition } from './function-catalog'
import { parseTimerSchedule, timerEventTime, type TimerSchedule } from './timer-schedule'

export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time: string
}

export type FireTrigger = (functionName: string, event: TimerEvent) => Promise<unknown>

export class TimerTriggers {
  private readonly cursors = new Map<string, number>()
  private readonly schedules = new Map<string, TimerSchedule | null>()
  private readonly inFlight = new Set<Promise<unknown>>()
  private readonly warnedIgnored = new Set<string>()
  private readonly startedAt: number

  constructor(
    private readonly clock: EmulatorClock,
    private readonly functions: () => FunctionDefinition[],
    private readonly fire: FireTrigger,
    private readonly onError: (message: string) => void = (m) => console.warn(`[emulator] ${m}`),
  ) {
    this.startedAt = clock.now()
  }

  /** Starts every due trigger, then waits for those and any still running from an earlier check. */
  async fireDue(): Promise<void> {
    const now = this.clock.now()
    for (const fn of this.functions()) {
      this.warnIgnored(fn)
      for (const trigger of fn.triggers) {
        const key = `${fn.name}/${trigger.name}`
        const schedule = this.schedule(key, trigger.config)
        const cursor = this.cursors.get(key) ?? this.startedAt
        // Claim the slot before any await so overlapping checks cannot fire it twice.
        this.cursors.set(key, now)
        const slot = schedule?.latestAtOrBefore(now)
        if (slot === undefined || slot <= cursor) continue
        this.track(this.fire(fn.name, timerEvent(trigger.name, slot)))
      }
    }
    await Promise.all([...this.inFlight])
  }

  /** The event a trigger sends when started by hand: its Time is the emulator's now. */
  eventNow(triggerName: string): TimerEvent {
    return timerEvent(triggerName, this.clock.now())
  }

  /** Production creates one trigger per function; the rest of a config's triggers never fire, here neither. */
  private warnIgnored(fn: FunctionDefinition): void {
    const key = `${fn.name} ${fn.ignoredTriggers.join(',')}`
    if (fn.ignoredTriggers.length === 0 || this.warnedIgnored.has(key)) return
    this.warnedIgnored.add(key)
    this.onError(
      `function ${fn.name} declares ${fn.ignoredTriggers.length + 1} triggers; WeChat supports one per function, so ${fn.ignoredTriggers.join(', ')} will never fire`,
    )
  }

  private schedule(key: string, config: string): TimerSchedule | undefined {
    const cacheKey = `${key} ${config}`
    const cached = this.schedules.get(cacheKey)
    if (cached !== undefined) return cached ?? undefined
    let schedule: TimerSchedule | null = null
    try {
      schedule = parseTimerSchedule(config)
    } catch (err) {
      // Reported once per config text, not at every tick.
      this.onError(`timer trigger ${key} ignored: ${(err as Error).message}`)
    }
    this.schedules.set(cacheKey, schedule)
    return schedule ?? undefined
  }

  private track(p: Promise<unknown>): void {
    const tracked = p.catch((err: unknown) => this.onError(`timer trigger failed: ${String(err)}`))
    this.inFlight.add(tracked)
    void tracked.finally(() => this.inFlight.delete(tracked))
  }
}

function timerEvent(triggerName: string, slot: number): TimerEvent {
  return { Type: 'Timer', TriggerName: triggerName, Time: timerEventTime(slot) }
}
