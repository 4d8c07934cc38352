import { render, screen } from '@testing-library/react'
import PanelPage from '@/features/dev/pages/panel/index'
import type { PanelView } from '@/features/dev/panel-view'

const panel: PanelView = {
  clock: { now: Date.UTC(2026, 2, 2, 12, 1), offsetMs: 0, businessDay: '2026-03-02' },
  outbox: [
    {
      touser: 'dev-member-01',
      templateId: 'tpl-review',
      page: 'pages/home/index',
      data: { thing1: { value: '老师点评了你的打卡' } },
      sentAt: Date.UTC(2026, 2, 2, 12, 1),
    },
  ],
  pendingMediaChecks: 0,
  groups: [],
  functions: [],
}

describe('开发面板 page', () => {
  beforeEach(() => {
    global.fetch = jest.fn(async () => ({ ok: true, json: async () => panel })) as unknown as typeof fetch
  })

  it('should keep showing the panel, with each sent message and its Beijing time, once a subscribe message was sent', async () => {
    render(<PanelPage />)
    expect(await screen.findByText('订阅消息发件箱（1）')).toBeTruthy()
    expect(screen.getByText('老师点评了你的打卡')).toBeTruthy()
    expect(screen.getAllByText('2026-03-02 20:01').length).toBeGreaterThanOrEqual(2)
  })
})
