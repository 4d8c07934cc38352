import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ReviewDistributionPage from '@/features/review/pages/distribution/index'
import { answerModal, byId, deferred, fail, fakeCloud, findById, findToast, modalClosed, ok, setRouteParams } from '../mall/support'
import { adminMe, distributionView, freshSession, PERIOD, teacherMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const admin = (routes: Record<string, unknown>) => fakeCloud({ 'identity.me': adminMe, ...routes })

describe('点评分配 page', () => {
  beforeEach(() => {
    freshSession()
    setRouteParams({ periodId: PERIOD })
  })
  afterEach(() => jest.restoreAllMocks())

  it('should show 加载中, then the period’s backlog, the pool and each teacher by name with state and backlog', async () => {
    const answer = deferred()
    const cloud = admin({ 'review.distribution': answer.reply })
    render(<ReviewDistributionPage />)
    await waitFor(() => expect(cloud.calls('review.distribution')).toEqual([{ action: 'distribution', periodId: PERIOD }]))
    expect(screen.getByText('加载中…')).toBeTruthy()

    answer.release(ok(distributionView()))

    const summary = await findById('dist-summary')
    expect(summary.textContent).toContain('英语打卡 · 第 3 期 · 21 天')
    expect(summary.textContent).toContain('12待点评')
    expect(byId('dist-pool').textContent).toBe('2未分配')
    expect(summary.textContent).toContain('2在岗老师')
    const wang = byId('dist-teacher-oTeacher1').textContent
    expect(wang).toContain('王老师在岗正在点评')
    expect(wang).toContain('4待点评')
    expect(byId('dist-teacher-oTeacher2').textContent).toContain('负责 晨读队')
    expect(byId('dist-teacher-oTeacher3').textContent).toContain('已标记离开')
    expect(byId('dist-away-oTeacher3').textContent).toBe('恢复在岗')
    // names only: the ids key the rows but are never printed
    expect(document.body.textContent).not.toContain('oTeacher')
  })

  it('should mark a teacher away after asking, and show the answer', async () => {
    const cloud = admin({
      'review.distribution': ok(distributionView()),
      'review.setAway': ok(distributionView({ pool: 0 })),
    })
    render(<ReviewDistributionPage />)
    fireEvent.click(await findById('dist-away-oTeacher2'))
    await answerModal('李老师未打开的 5 份打卡将分给其他在岗老师，恢复在岗后重新参与分配。确认标记离开？', true)

    await findToast('已标记离开')
    expect(cloud.calls('review.setAway')).toEqual([{ action: 'setAway', periodId: PERIOD, teacherId: 'oTeacher2', away: true }])
    await waitFor(() => expect(byId('dist-pool').textContent).toBe('0未分配'))
  })

  it('should change nothing when the operator cancels', async () => {
    const cloud = admin({ 'review.distribution': ok(distributionView()), 'review.setAway': ok(distributionView()) })
    render(<ReviewDistributionPage />)
    fireEvent.click(await findById('dist-away-oTeacher3'))
    await answerModal('恢复后新的打卡会按待点评数量分给赵老师。确认恢复？', false)
    await modalClosed()
    expect(cloud.calls('review.setAway')).toEqual([])
  })

  it('should deal the pool now with 立即分配 and show the refusal of a failed call', async () => {
    const cloud = admin({
      'review.distribution': ok(distributionView()),
      'review.rebalance': fail('SYS.BUSY', '系统繁忙，请稍后再试'),
    })
    render(<ReviewDistributionPage />)
    fireEvent.click(await findById('dist-rebalance'))
    await findToast('系统繁忙，请稍后再试')
    expect(cloud.calls('review.rebalance')).toEqual([{ action: 'rebalance', periodId: PERIOD }])
    expect(byId('dist-pool').textContent).toBe('2未分配')
  })

  it('should open one teacher’s queue and the pool', async () => {
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    admin({ 'review.distribution': ok(distributionView()) })
    render(<ReviewDistributionPage />)
    fireEvent.click(await findById('dist-queue-oTeacher1'))
    fireEvent.click(byId('dist-pool-queue'))
    expect(nav.mock.calls.map(([o]) => o.url)).toEqual([
      `/features/review/pages/index/index?periodId=${PERIOD}&assignee=oTeacher1`,
      `/features/review/pages/index/index?periodId=${PERIOD}&assignee=pool`,
    ])
  })

  it('should say how to add teachers when the period has none', async () => {
    admin({ 'review.distribution': ok(distributionView({ teachers: [], pool: 12 })) })
    render(<ReviewDistributionPage />)
    expect((await findById('dist-no-teachers')).textContent).toContain('本期还没有带班老师')
  })

  it('should show the load error with a retry', async () => {
    const cloud = admin({ 'review.distribution': fail('SYS.DB', '数据读取失败，请稍后再试') })
    render(<ReviewDistributionPage />)
    expect(await screen.findByText('数据读取失败，请稍后再试')).toBeTruthy()
    fireEvent.click(await screen.findByText('重试'))
    await waitFor(() => expect(cloud.calls('review.distribution')).toHaveLength(2))
  })

  it('should refuse a teacher (operators only) without calling the function', async () => {
    const cloud = fakeCloud({ 'identity.me': teacherMe, 'review.distribution': ok(distributionView()) })
    render(<ReviewDistributionPage />)
    expect(await screen.findByText('仅运营人员可以调整点评分配')).toBeTruthy()
    expect(cloud.calls('review.distribution')).toEqual([])
  })
})
