import { createAppEmulator as createEmulator, type AppEmulator as Emulator } from '../../local'

let emu: Emulator
beforeAll(async () => {
  emu = await createEmulator()
})
afterAll(() => emu.close())

interface PanelFunction {
  name: string
  triggers: { name: string }[]
  jobs: { name: string; schedule: string }[]
}
const post = (body: object) =>
  fetch(`${emu.url}/__local/triggers/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('dev panel: timer jobs (one trigger per function)', () => {
  it('should list each function’s one trigger and the jobs it dispatches, with their schedules', async () => {
    const panel = (await (await fetch(`${emu.url}/__local/panel`)).json()) as { functions: PanelFunction[] }
    const camp = panel.functions.find((f) => f.name === 'camp')
    expect(camp?.triggers.map((t) => t.name)).toEqual(['jobs'])
    expect(camp?.jobs).toEqual([
      { name: 'reminders', schedule: '每 5 分钟' },
      { name: 'complete', schedule: '每 1 小时（第 10 分钟）' },
    ])
    expect(panel.functions.find((f) => f.name === 'points')?.jobs).toEqual([
      { name: 'expire', schedule: '每天 00:10' },
      { name: 'reconcile', schedule: '每天 03:30' },
    ])
  })

  it('should run one job on 立即运行 through the function’s trigger', async () => {
    const res = await post({ function: 'points', job: 'reconcile' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { result: { result: { code: number } } }
    expect(body.result.result.code).toBe(0)
  })

  it('should refuse a job the function does not have', async () => {
    expect((await post({ function: 'points', job: 'nope' })).status).toBe(500)
  })
})
