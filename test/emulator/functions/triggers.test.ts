import { EmulatorClock } from '../../../emulator/core/clock'
import type { InvokeOutcome } from '../../../emulator/functions'
import { startHarness, type Harness } from './harness'

const MINUTE = 60_000
const DAY = 86_400_000

interface TickResult {
  event: { Type: string; TriggerName: string; Time: string }
  source: string
  openid: string | null
}

async function waitFor(done: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 10))
}

describe('timer triggers', () => {
  let h: Harness
  const ticks = () => h.records.filter((r) => r.functionName === 'timerTick')
  beforeEach(async () => {
    const clock = new EmulatorClock()
    // 07:59 on 2026-01-02 in Beijing.
    clock.set(Date.parse('2026-01-01T23:59:00Z'))
    h = await startHarness({ clock })
  })
  afterEach(() => h.close())

  it('should not fire before the slot is due', async () => {
    await h.runtime.fireDueTriggers()
    expect(ticks()).toHaveLength(0)
  })

  it('should fire exactly once when the clock moves past the slot', async () => {
    h.clock.advance(2 * MINUTE)
    await h.runtime.fireDueTriggers()
    await h.runtime.fireDueTriggers()
    expect(ticks()).toHaveLength(1)
  })

  it('should fire from the clock change itself, without an explicit check', async () => {
    h.clock.advance(2 * MINUTE)
    await waitFor(() => ticks().length === 1)
    expect(ticks()).toHaveLength(1)
  })

  it('should send the SCF timer event with the slot time in UTC', async () => {
    h.clock.advance(2 * MINUTE)
    await h.runtime.fireDueTriggers()
    expect((ticks()[0].result as TickResult).event).toEqual({ Type: 'Timer', TriggerName: 'morning', Time: '2026-01-02T00:00:00Z' })
  })

  it('should run timer invocations with the trigger source and no user', async () => {
    h.clock.advance(2 * MINUTE)
    await h.runtime.fireDueTriggers()
    expect(ticks()[0].result).toMatchObject({ source: 'wx_trigger', openid: null })
  })

  it('should fire once, not once per day, after a jump over many slots', async () => {
    h.clock.advance(30 * DAY)
    await h.runtime.fireDueTriggers()
    expect(ticks()).toHaveLength(1)
    expect((ticks()[0].result as TickResult).event.Time).toBe('2026-01-31T00:00:00Z')
  })

  it('should fire again at the next day slot', async () => {
    h.clock.advance(2 * MINUTE)
    await h.runtime.fireDueTriggers()
    h.clock.advance(DAY)
    await h.runtime.fireDueTriggers()
    expect(ticks()).toHaveLength(2)
  })

  it('should run a trigger on demand with the emulator time', async () => {
    const out: InvokeOutcome = await h.runtime.runTrigger('timerTick', 'morning')
    expect((out.result as TickResult).event).toEqual({ Type: 'Timer', TriggerName: 'morning', Time: '2026-01-01T23:59:00Z' })
  })

  it('should refuse to run a trigger the function does not have', async () => {
    await expect(h.runtime.runTrigger('timerTick', 'evening')).rejects.toThrow(/no timer trigger/)
    await expect(h.runtime.runTrigger('whoami', 'morning')).rejects.toThrow(/no timer trigger/)
  })
})

describe('timer polling', () => {
  it('should fire a trigger that becomes due as real time passes', async () => {
    // A clock whose real time we move by hand: no onChange, only the poll can notice.
    let real = Date.parse('2026-01-01T23:59:59Z')
    const clock = new EmulatorClock(() => real)
    const h = await startHarness({ clock })
    try {
      h.runtime.startTimers(10)
      real += 2000
      await waitFor(() => h.records.some((r) => r.functionName === 'timerTick'))
      expect(h.records.filter((r) => r.functionName === 'timerTick')).toHaveLength(1)
    } finally {
      await h.close()
    }
  })
})
