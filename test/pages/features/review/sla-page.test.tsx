import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ReviewSlaPage from '@/features/review/pages/sla/index'
import { byId, deferred, fail, fakeCloud, findById, ok } from '../mall/support'
import { adminMe, emptySla, freshSession, slaView, teacherMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('批改时效 page', () => {
  beforeEach(() => freshSession())

  it('should show 加载中 and then the teacher’s times, the backlog by age and the oldest waiting item', async () => {
    const answer = deferred()
    const cloud = fakeCloud({ 'identity.me': teacherMe, 'review.sla': answer.reply })
    render(<ReviewSlaPage />)
    await waitFor(() => expect(cloud.calls('review.sla')).toEqual([{ action: 'sla', lastDays: 7 }]))
    expect(screen.getByText('加载中…')).toBeTruthy()

    answer.release(ok(slaView()))

    const total = await findById('sla-total')
    expect(total.textContent).toContain('2026-11-17 至 2026-11-23')
    expect(total.textContent).toContain('3已批改')
    expect(total.textContent).toContain('8 分钟中位用时')
    expect(total.textContent).toContain('1 小时 2 分90% 在此之内')
    expect(total.textContent).toContain('1.5 条每小时批改')
    expect(byId('sla-age-lt2h').textContent).toBe('2 小时内2')
    expect(byId('sla-age-gt24h').textContent).toBe('超过 24 小时1')
    expect(byId('sla-backlog').textContent).toContain('待批改 6 条')
    expect(byId('sla-oldest').textContent).toBe('等待最久：英语打卡 · 第 3 期 · 21 天 · 2026-11-21 的打卡，已等 2 天 3 小时')
    expect(byId('sla-teachers').textContent).toContain('王老师批改 3 · 中位 8 分钟 · 90% 1 小时 2 分 · 每小时 1.5 条')
    expect(byId('sla-days').textContent).toContain('2026-11-23批改 3')
    // teacher names, never ids; no operators' tab for a teacher
    expect(document.body.textContent).not.toContain('uTeacherHandle01')
    expect(document.getElementById('sla-scope-all')).toBeNull()
  })

  it('should say when the backlog was capped', async () => {
    fakeCloud({ 'identity.me': teacherMe, 'review.sla': ok(slaView({ backlog: { ...slaView().backlog, waiting: 2000, capped: true } })) })
    render(<ReviewSlaPage />)
    expect((await findById('sla-backlog')).textContent).toContain('待批改 2000 条以上')
  })

  it('should show the empty state with no reviews and nothing waiting', async () => {
    fakeCloud({ 'identity.me': teacherMe, 'review.sla': ok(emptySla()) })
    render(<ReviewSlaPage />)
    expect(await screen.findByText('还没有批改记录')).toBeTruthy()
    expect(document.getElementById('sla-total')).toBeNull()
  })

  it('should show the function error with a retry', async () => {
    const cloud = fakeCloud({ 'identity.me': teacherMe, 'review.sla': fail('SYS.BUSY', '系统繁忙，请稍后再试') })
    render(<ReviewSlaPage />)

    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(cloud.calls('review.sla')).toHaveLength(2))
  })

  it('should give an operator every teacher, page by page', async () => {
    const li = { teacher: { id: 'uLiHandle0002', name: '李老师' }, reviewed: 9, p50Minutes: 12, p90Minutes: 40, perActiveHour: 3 }
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'review.sla': ok(emptySla()),
      'review.slaAll': (req: { page: number }) =>
        ok(slaView({ scope: 'all', teachers: req.page === 0 ? [li] : slaView().teachers, nextPage: req.page === 0 ? 1 : null })),
    })
    render(<ReviewSlaPage />)
    await screen.findByText('还没有批改记录')

    fireEvent.click(byId('sla-scope-all'))
    expect((await findById('sla-teachers')).textContent).toContain('李老师批改 9')
    fireEvent.click(byId('sla-next'))

    await waitFor(() => expect(byId('sla-teachers').textContent).toContain('王老师'))
    expect(cloud.calls('review.slaAll')).toEqual([
      { action: 'slaAll', lastDays: 7, page: 0 },
      { action: 'slaAll', lastDays: 7, page: 1 },
    ])
    expect(document.getElementById('sla-next')).toBeNull()
    expect(byId('sla-prev')).toBeTruthy()

    // Another range starts again at the first page of teachers.
    fireEvent.click(byId('sla-range-30'))
    await waitFor(() => expect(cloud.calls('review.slaAll')).toHaveLength(3))
    expect(cloud.calls('review.slaAll')[2]).toEqual({ action: 'slaAll', lastDays: 30, page: 0 })
  })

  it('should read the range the teacher picks, not typed dates', async () => {
    const cloud = fakeCloud({ 'identity.me': teacherMe, 'review.sla': ok(slaView()) })
    render(<ReviewSlaPage />)
    await findById('sla-total')
    expect(byId('sla-range-7').className).toContain('ui-segmented__option--active')
    fireEvent.click(byId('sla-range-14'))
    await waitFor(() =>
      expect(cloud.calls('review.sla')).toEqual([
        { action: 'sla', lastDays: 7 },
        { action: 'sla', lastDays: 14 },
      ]),
    )
    expect(byId('sla-range-14').className).toContain('ui-segmented__option--active')
  })
})
