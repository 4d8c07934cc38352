import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ReviewQueuePage from '@/features/review/pages/index/index'
import { byId, deferred, fail, fakeCloud, findById, ok } from '../mall/support'
import { freshSession, memberMe, queueItem, queuePageOf, statsView, teacherMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const teacher = (routes: Record<string, unknown>) => fakeCloud({ 'identity.me': teacherMe, 'review.stats': ok(statsView()), ...routes })

describe('点评工作台 queue page', () => {
  beforeEach(() => freshSession())
  afterEach(() => jest.restoreAllMocks())

  it('should show 加载中 until the queue answers, then each submission with how long it waited', async () => {
    const pending = deferred()
    teacher({ 'review.queue': pending.reply })
    render(<ReviewQueuePage />)

    expect(await screen.findByText('加载中…')).toBeTruthy()
    pending.release(ok(queuePageOf([queueItem('m1'), queueItem('m2', { waitedLabel: '12 分钟' })])))
    expect(await screen.findByText('学员m1')).toBeTruthy()
    expect(screen.getByText('已等 1 小时 5 分')).toBeTruthy()
    expect(screen.getByText('已等 12 分钟')).toBeTruthy()
  })

  it('should ask for today’s pending queue, oldest first, on open', async () => {
    const cloud = teacher({ 'review.queue': ok(queuePageOf([queueItem()])) })
    render(<ReviewQueuePage />)

    await screen.findByText('学员m1')
    expect(cloud.calls('review.queue')).toEqual([{ action: 'queue', kind: 'pending', day: 'today', limit: 20 }])
  })

  it('should show the backlog counts per period with the period title', async () => {
    teacher({ 'review.queue': ok(queuePageOf([queueItem('m1'), queueItem('m2')])) })
    render(<ReviewQueuePage />)

    expect(await screen.findByText('第 3 期 · 21 天 · 2')).toBeTruthy()
    expect(byId('queue-backlog').textContent).toContain('2')
    expect(byId('queue-reviewed-today').textContent).toBe('今日已点评 12')
  })

  it('should keep the first page’s backlog count when a later page brings none', async () => {
    const firstPage = queuePageOf([queueItem('m1'), queueItem('m2')], queueItem('m2').cursor)
    const secondPage = { ...queuePageOf([queueItem('m3')]), backlog: null }
    const cloud = teacher({ 'review.queue': (req: { cursor?: unknown }) => ok(req.cursor ? secondPage : firstPage) })
    render(<ReviewQueuePage />)
    await screen.findByText('学员m1')

    fireEvent.click(await screen.findByText('加载更多'))

    expect(await screen.findByText('学员m3')).toBeTruthy()
    expect(cloud.calls('review.queue')).toHaveLength(2)
    expect(byId('queue-backlog').textContent).toContain('2')
  })

  it('should say 今天的点评都完成了 when nothing waits', async () => {
    teacher({ 'review.queue': ok(queuePageOf([])) })
    render(<ReviewQueuePage />)

    expect(await screen.findByText('今天的点评都完成了')).toBeTruthy()
  })

  it('should show the function error with a retry', async () => {
    teacher({ 'review.queue': fail('REVIEW.NOT_TEACHER', '只有老师可以点评') })
    render(<ReviewQueuePage />)

    expect(await screen.findByText('只有老师可以点评')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })

  it('should ask for flagged content when 待审核内容 is chosen', async () => {
    const cloud = teacher({ 'review.queue': ok(queuePageOf([queueItem()])) })
    render(<ReviewQueuePage />)
    await screen.findByText('学员m1')

    fireEvent.click(byId('kind-flagged'))

    await waitFor(() => expect(cloud.calls('review.queue')).toHaveLength(2))
    expect(cloud.calls('review.queue')[1]).toEqual({ action: 'queue', kind: 'flagged', day: 'today', limit: 20 })
  })

  it('should ask for returned check-ins of one period and all days when those filters are chosen', async () => {
    const cloud = teacher({ 'review.queue': ok(queuePageOf([queueItem()])) })
    render(<ReviewQueuePage />)
    await screen.findByText('学员m1')

    fireEvent.click(byId('kind-returned'))
    fireEvent.click(await findById('period-p1'))
    fireEvent.click(await findById('day-all'))

    await waitFor(() => expect(cloud.calls('review.queue')).toHaveLength(4))
    expect(cloud.calls('review.queue')[3]).toEqual({ action: 'queue', kind: 'returned', periodId: 'p1', day: 'all', limit: 20 })
  })

  it('should ask for the next page with the cursor the last page gave', async () => {
    const cursor = { submittedAt: 5, id: 'checkin:p1:2026-11-23:m1' }
    const cloud = teacher({
      'review.queue': (req: { cursor?: unknown }) =>
        req.cursor ? ok(queuePageOf([queueItem('m2')])) : ok(queuePageOf([queueItem('m1')], cursor)),
    })
    render(<ReviewQueuePage />)
    await screen.findByText('学员m1')

    fireEvent.click(byId('load-more'))

    expect(await screen.findByText('学员m2')).toBeTruthy()
    expect(cloud.calls('review.queue')[1]).toEqual({ action: 'queue', kind: 'pending', day: 'today', cursor, limit: 20 })
  })

  it('should open the review page with the queue filter when a submission is tapped', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    teacher({ 'review.queue': ok(queuePageOf([queueItem()])) })
    render(<ReviewQueuePage />)

    fireEvent.click(await screen.findByText('学员m1'))

    expect(navigateTo).toHaveBeenCalledWith({
      url: `/features/review/pages/review/index?checkinId=${encodeURIComponent('checkin:p1:2026-11-23:m1')}&kind=pending&day=today`,
    })
  })

  it('should not show the queue to a member', async () => {
    const cloud = fakeCloud({ 'identity.me': memberMe })
    render(<ReviewQueuePage />)

    expect(await screen.findByText('仅带班老师可以使用点评工作台')).toBeTruthy()
    expect(cloud.calls('review.queue')).toHaveLength(0)
  })
})
