/**
 * WeChat creates one timer trigger per cloud function (config.json docs: "triggers 字段是触发器数组，目前仅支持一个触发器";
 * ../shared/docs/platform-facts.md, "Checked in December 2026"). Every job still has to run on its schedule, so each
 * function's one trigger dispatches the jobs of its row in TIMER_JOBS. These tests read the real config.json files.
 */
import * as fs from 'fs'
import * as path from 'path'
import { EmulatorClock } from '../../../emulator/core/clock'
import type { FunctionDefinition } from '../../../emulator/functions/function-catalog'
import { parseTimerSchedule } from '../../../emulator/functions/timer-schedule'
import { TimerTriggers, type TimerEvent } from '../../../emulator/functions/timer-triggers'
import { dueJobs, TIMER_JOBS, type FunctionTimer } from '../../../cloudfunctions/src/domain/schedule/timer-jobs'

const FUNCTIONS_DIR = path.join(__dirname, '..', '..', '..', 'cloudfunctions', 'src', 'functions')
const names = fs.readdirSync(FUNCTIONS_DIR).filter((n) => fs.existsSync(path.join(FUNCTIONS_DIR, n, 'config.json')))
interface Trigger {
  name: string
  type: string
  config: string
}
const triggersOf = (fn: string): Trigger[] =>
  (JSON.parse(fs.readFileSync(path.join(FUNCTIONS_DIR, fn, 'config.json'), 'utf8')) as { triggers?: Trigger[] }).triggers ?? []
const tables = TIMER_JOBS as Record<string, FunctionTimer>
const MINUTE = 60_000

describe('one timer trigger per function', () => {
  it('should declare at most one trigger in every function config', () => {
    expect(names.length).toBeGreaterThanOrEqual(10)
    for (const fn of names) expect({ fn, count: triggersOf(fn).length <= 1 }).toEqual({ fn, count: true })
  })

  it('should give a trigger exactly to the functions that have timer jobs, under the table’s trigger name', () => {
    const withTrigger = names.filter((fn) => triggersOf(fn).length > 0).sort()
    expect(withTrigger).toEqual(Object.keys(TIMER_JOBS).sort())
    for (const fn of withTrigger) expect(triggersOf(fn)[0]).toMatchObject({ name: tables[fn].trigger, type: 'timer' })
  })

  it('should fire each function’s trigger at every minute one of its jobs is due', () => {
    const dayStart = Date.parse('2026-03-02T00:00:00+08:00')
    for (const fn of Object.keys(TIMER_JOBS)) {
      const schedule = parseTimerSchedule(triggersOf(fn)[0].config)
      const missed: string[] = []
      for (let m = 0; m < 24 * 60; m++) {
        const at = dayStart + m * MINUTE
        if (dueJobs(tables[fn], at).length > 0 && schedule.latestAtOrBefore(at) !== at) missed.push(`${fn}@${m}`)
      }
      expect(missed).toEqual([])
    }
  })

  it('should run every job on its schedule when the emulator clock moves across a day in five-minute steps', async () => {
    const clock = new EmulatorClock(() => 0) // no real time passes
    clock.set(Date.parse('2026-03-01T23:59:00+08:00'))
    const defs: FunctionDefinition[] = Object.keys(TIMER_JOBS).map((fn) => ({
      name: fn,
      dir: '',
      entry: '',
      version: 0,
      timeoutSec: 3,
      openapi: [],
      triggers: triggersOf(fn).map((t) => ({ name: t.name, config: t.config })),
      ignoredTriggers: [],
      envVariables: {},
    }))
    const runs = new Map<string, number>()
    // What the deployed function does with the event: run the jobs due at the trigger's slot.
    const fire = async (fn: string, event: TimerEvent) => {
      expect(event.TriggerName).toBe(tables[fn].trigger)
      for (const job of dueJobs(tables[fn], Date.parse(event.Time))) runs.set(`${fn}.${job}`, (runs.get(`${fn}.${job}`) ?? 0) + 1)
    }
    const triggers = new TimerTriggers(clock, () => defs, fire)
    for (let step = 0; step < (24 * 60) / 5; step++) {
      clock.advance(5 * MINUTE)
      await triggers.fireDue()
    }
    expect(Object.fromEntries([...runs].sort())).toEqual({
      'analytics.rollup': 96,
      'camp.complete': 24,
      'camp.reminders': 288,
      'classes.reminders': 144,
      'classes.waitlist': 144,
      'community.board': 144,
      'invites.settle': 144,
      'mall.orders': 144,
      'points.expire': 1,
      'points.reconcile': 1,
      // every minute, so every five-minute step of this walk fires it once
      'review.deal': 288,
    })
  })
})
