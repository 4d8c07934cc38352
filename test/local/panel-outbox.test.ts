import { createAppEmulator as createEmulator, type AppEmulator as Emulator } from '../../local'
import type { PanelView } from '../../src/features/dev/panel-view'

let emu: Emulator
beforeAll(async () => {
  emu = await createEmulator()
})
afterAll(() => emu.close())

/** What `subscribeMessage.send` does inside a function; the ledger is the emulator's own record of sent messages. */
function deliver(touser: string): void {
  const { ledger } = emu.openapi as unknown as { ledger: { send(p: Record<string, unknown>): unknown } }
  emu.openapi.grantSubscription(touser, ['tpl-review'])
  ledger.send({ touser, template_id: 'tpl-review', page: 'pages/home/index', data: { thing1: { value: '老师点评了你的打卡' } } })
}

describe('dev panel: subscribe-message outbox', () => {
  it('should answer each sent message with the `sentAt` time the panel page reads', async () => {
    const at = emu.clock.set(Date.parse('2026-03-02T20:01:00+08:00'))
    deliver('dev-member-01')
    const panel = (await (await fetch(`${emu.url}/__local/panel`)).json()) as PanelView
    expect(panel.outbox).toEqual([
      {
        touser: 'dev-member-01',
        templateId: 'tpl-review',
        page: 'pages/home/index',
        data: { thing1: { value: '老师点评了你的打卡' } },
        sentAt: expect.any(Number),
      },
    ])
    // The emulator clock keeps running from the time it was set.
    expect(panel.outbox[0].sentAt - at).toBeGreaterThanOrEqual(0)
    expect(panel.outbox[0].sentAt - at).toBeLessThan(60_000)
  })
})
