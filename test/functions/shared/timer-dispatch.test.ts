import { TIMER_SOURCE } from '../../../emulator/functions'
import { runTimerJob } from '../../../local/dev/timer-jobs'
import { startFunctions, type FunctionsHarness } from '../../support/functions'

let h: FunctionsHarness
beforeAll(async () => {
  h = await startFunctions()
})
afterAll(() => h.close())

/** The event CloudBase sends for the function's one trigger at a slot given in Shanghai time. */
const tick = (name: string, shanghai: string) =>
  h.emu.runtime.invoke(
    name,
    {
      Type: 'Timer',
      TriggerName: 'jobs',
      Time: new Date(Date.parse(`${shanghai.replace(' ', 'T')}:00+08:00`)).toISOString().replace('.000Z', 'Z'),
    },
    { source: TIMER_SOURCE },
  )
const ranBy = (out: { result?: unknown }) => Object.keys((out.result as { data: { ran: Record<string, unknown> } }).data.ran)

describe('the one timer trigger of a function', () => {
  it('should run every job due at the slot the event names, and only those', async () => {
    expect(ranBy(await tick('camp', '2026-03-02 14:10'))).toEqual(['reminders', 'complete'])
    expect(ranBy(await tick('camp', '2026-03-02 14:15'))).toEqual(['reminders'])
    expect(ranBy(await tick('classes', '2026-03-02 14:15'))).toEqual(['waitlist'])
    expect(ranBy(await tick('points', '2026-03-02 03:30'))).toEqual(['reconcile'])
    expect(ranBy(await tick('points', '2026-03-02 03:10'))).toEqual([])
  })

  it('should run one named job on demand (dev panel) and refuse an unknown one', async () => {
    const out = await runTimerJob(h.emu.runtime, 'points', 'expire')
    expect(out.result).toMatchObject({ code: 0 })
    expect(() => runTimerJob(h.emu.runtime, 'points', 'nope')).toThrow('no timer job nope')
    const unknownJob = await h.emu.runtime.runTrigger('points', 'jobs', { Job: 'nope' })
    expect(unknownJob.result).toMatchObject({ code: 'REQUEST.UNKNOWN_ACTION' })
  })

  it('should refuse a timer event under another trigger name (the old per-job triggers no longer exist)', async () => {
    const out = await h.emu.runtime.invoke(
      'camp',
      { Type: 'Timer', TriggerName: 'complete', Time: '2026-03-02T06:10:00Z' },
      { source: TIMER_SOURCE },
    )
    expect(out.result).toMatchObject({ code: 'REQUEST.UNKNOWN_ACTION' })
  })

  it('should refuse a timer-shaped event from a member', async () => {
    expect(await h.call('camp', { Type: 'Timer', TriggerName: 'jobs', Job: 'complete' }, 'member-1')).toMatchObject({
      code: 'REQUEST.UNKNOWN_ACTION',
    })
  })
})
