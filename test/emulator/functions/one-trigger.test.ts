/**
 * WeChat's config.json docs: "triggers 字段是触发器数组，目前仅支持一个触发器" — production creates one trigger per
 * function (../shared/docs/platform-facts.md, "Checked in December 2026"). The emulator fires only the first and
 * says the others will never fire, instead of running jobs production would silently drop.
 */
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { EmulatorClock } from '../../../emulator/core/clock'
import { FunctionCatalog } from '../../../emulator/functions/function-catalog'
import { TimerTriggers } from '../../../emulator/functions/timer-triggers'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'one-trigger-'))
  fs.mkdirSync(path.join(dir, 'twice'))
  fs.writeFileSync(path.join(dir, 'twice', 'index.js'), 'exports.main = async () => 0')
  const triggers = [
    { name: 'first', type: 'timer', config: '0 */5 * * * * *' },
    { name: 'second', type: 'timer', config: '0 */5 * * * * *' },
  ]
  fs.writeFileSync(path.join(dir, 'twice', 'config.json'), JSON.stringify({ triggers }))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('a function config with two triggers', () => {
  it('should keep only the first trigger, as production creates only one', () => {
    const def = new FunctionCatalog(dir).get('twice')
    expect(def?.triggers.map((t) => t.name)).toEqual(['first'])
    expect(def?.ignoredTriggers).toEqual(['second'])
  })

  it('should fire only the first and warn once that the second never fires', async () => {
    const clock = new EmulatorClock(() => 0)
    clock.set(Date.parse('2026-03-02T10:01:00+08:00'))
    const catalog = new FunctionCatalog(dir)
    const fired: string[] = []
    const warnings: string[] = []
    const triggers = new TimerTriggers(
      clock,
      () => catalog.all(),
      async (_fn, event) => fired.push(event.TriggerName),
      (m) => warnings.push(m),
    )
    for (let i = 0; i < 3; i++) {
      clock.advance(5 * 60_000)
      await triggers.fireDue()
    }
    expect(fired).toEqual(['first', 'first', 'first'])
    expect(warnings).toEqual([
      expect.stringContaining('twice declares 2 triggers; WeChat supports one per function, so second will never fire'),
    ])
  })
})
