import { render, screen } from '@testing-library/react'
import FeedPage from '@/features/camp/pages/feed/index'
import { deferred, fail, fakeCloud, findById, ok, setRouteParams } from '../mall/support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const item = {
  id: 'k1',
  member: { id: 'm1', nickname: '小红', avatarFileId: '' },
  day: '2026-11-24',
  dayIndex: 2,
  content: {
    text: '今天背了 20 个单词',
    images: ['cloud://dev.bucket/checkins/m1/p1/a.jpg'],
    voice: { fileId: 'cloud://dev.bucket/checkins/m1/p1/v.mp3', durationSec: 12 },
  },
  featuredAt: Date.UTC(2026, 10, 24, 12, 0),
}

describe('精选动态 page', () => {
  beforeEach(() => setRouteParams({ periodId: 'p1' }))

  it('should show 加载中, then the featured check-ins with text, photos and voice', async () => {
    const pending = deferred()
    fakeCloud({ 'camp.feed': pending.reply })
    render(<FeedPage />)

    expect(screen.getByText('加载中…')).toBeTruthy()
    pending.release(ok({ items: [item], next: null }))
    const card = await findById('feed-k1')
    expect(card.textContent).toContain('今天背了 20 个单词')
    expect(card.textContent).toContain('12″')
    expect(card.querySelectorAll('.photo-grid__cell')).toHaveLength(1)
  })

  it('should show the empty state when nothing is featured yet', async () => {
    fakeCloud({ 'camp.feed': ok({ items: [], next: null }) })
    render(<FeedPage />)

    expect(await screen.findByText('老师还没有精选打卡，先去完成今天的任务吧')).toBeTruthy()
  })

  it('should show the function error message', async () => {
    fakeCloud({ 'camp.feed': fail('CAMP.NOT_FOUND', '打卡营不存在') })
    render(<FeedPage />)

    expect(await screen.findByText('打卡营不存在')).toBeTruthy()
  })
})
