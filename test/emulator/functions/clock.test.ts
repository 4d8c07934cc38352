import { startHarness, type Harness } from './harness'

interface ClockProbe {
  dateNow: number
  newDate: number
  isDate: boolean
  sameConstructor: boolean
  epochZero: number
  asString: string
}

const DAY = 86_400_000

describe('the emulator clock inside function code', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(() => h.close())

  it('should shift Date.now() and new Date() by the emulator clock offset', async () => {
    h.clock.advance(3 * DAY)
    const out = (await h.runtime.invoke('clockProbe', {}, {})).result as ClockProbe
    const expected = h.clock.now()
    expect(Math.abs(out.dateNow - expected)).toBeLessThan(2000)
    expect(Math.abs(out.newDate - expected)).toBeLessThan(2000)
  })

  it('should follow a clock jump in an already warm worker', async () => {
    await h.runtime.invoke('clockProbe', {}, {})
    h.clock.set(Date.UTC(2030, 0, 1))
    const out = (await h.runtime.invoke('clockProbe', {}, {})).result as ClockProbe
    expect(Math.abs(out.dateNow - Date.UTC(2030, 0, 1))).toBeLessThan(2000)
  })

  it('should stand still while frozen, in function code too, and move only by advance until thawed', async () => {
    const midnightEve = Date.parse('2026-03-02T23:59:59+08:00')
    h.clock.set(midnightEve, { frozen: true })
    const first = (await h.runtime.invoke('clockProbe', {}, {})).result as ClockProbe
    const second = (await h.runtime.invoke('clockProbe', {}, {})).result as ClockProbe
    // Exactly the instant, however long the two calls took: a loaded machine cannot carry a test past midnight.
    expect([first.dateNow, first.newDate, second.dateNow, h.clock.now()]).toEqual([midnightEve, midnightEve, midnightEve, midnightEve])
    h.clock.advance(2000)
    const moved = (await h.runtime.invoke('clockProbe', {}, {})).result as ClockProbe
    expect(moved.dateNow).toBe(midnightEve + 2000)
    h.clock.thaw()
    expect(h.clock.frozen()).toBeNull()
    const flowing = (await h.runtime.invoke('clockProbe', {}, {})).result as ClockProbe
    expect(Math.abs(flowing.dateNow - (midnightEve + 2000))).toBeLessThan(2000)
    h.clock.set(Date.UTC(2030, 0, 1))
    expect(h.clock.frozen()).toBeNull()
  })

  it('should keep instanceof Date, the constructor and explicit dates working', async () => {
    const out = (await h.runtime.invoke('clockProbe', {}, {})).result as ClockProbe
    expect(out).toMatchObject({ isDate: true, sameConstructor: true, epochZero: 0, asString: 'string' })
  })

  it('should leave the main thread Date alone', () => {
    h.clock.advance(10 * DAY)
    expect(Math.abs(Date.now() - new Date().getTime())).toBeLessThan(1000)
    expect(Math.abs(h.clock.now() - Date.now())).toBeGreaterThan(9 * DAY)
  })
})
