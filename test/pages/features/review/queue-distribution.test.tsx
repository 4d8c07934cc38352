import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ReviewQueuePage from '@/features/review/pages/index/index'
import { answerModal, byId, fail, fakeCloud, findById, findToast, modalClosed, ok, setRouteParams } from '../mall/support'
import { adminMe, checkinIdOf, distributionView, freshSession, PERIOD, queueItem, queuePageOf, statsView, teacherMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

/** The queue page with fair distribution (issue #17 item 2): a teacher's personal queue, an operator's 改派. */

const ID = checkinIdOf('m1')
const wang = { teacherId: 'oTeacher1', name: '王老师' }
const li = { teacherId: 'oTeacher2', name: '李老师' }
const staff = (me: unknown, routes: Record<string, unknown>) => fakeCloud({ 'identity.me': me, 'review.stats': ok(statsView()), ...routes })

describe('the queue with distribution', () => {
  beforeEach(() => {
    freshSession()
    setRouteParams({})
  })

  it('should call a teacher’s list 我的待点评 and offer no 改派', async () => {
    staff(teacherMe, { 'review.queue': ok(queuePageOf([queueItem('m1', { assignee: wang })])) })
    render(<ReviewQueuePage />)
    await screen.findByText('学员m1')
    expect(byId('queue-backlog').textContent).toContain('我的待点评')
    expect(document.getElementById(`reassign-${ID}`)).toBeNull()
  })

  it('should show an operator whose queue each item is in, and who has it open', async () => {
    staff(adminMe, {
      'review.queue': ok(queuePageOf([queueItem('m1', { assignee: wang, reviewingBy: '王老师' }), queueItem('m2')])),
    })
    render(<ReviewQueuePage />)
    expect((await findById(`assignee-${ID}`)).textContent).toBe('分配给 王老师')
    expect(byId(`queue-${ID}`).textContent).toContain('王老师正在点评')
    expect(byId(`assignee-${checkinIdOf('m2')}`).textContent).toBe('未分配')
  })

  it('should open one teacher’s queue from 点评分配: every day of that period, titled with the teacher', async () => {
    setRouteParams({ periodId: PERIOD, assignee: 'oTeacher1' })
    const cloud = staff(adminMe, { 'review.queue': ok(queuePageOf([queueItem('m1', { assignee: wang })])) })
    render(<ReviewQueuePage />)
    expect((await findById('queue-scope')).textContent).toBe('王老师的队列')
    expect(cloud.calls('review.queue')).toEqual([
      { action: 'queue', kind: 'pending', day: 'all', periodId: PERIOD, assignee: 'oTeacher1', limit: 20 },
    ])
  })

  it('should ignore an assignee in a teacher’s query: a teacher only has their own queue', async () => {
    setRouteParams({ periodId: PERIOD, assignee: 'oTeacher2' })
    const cloud = staff(teacherMe, { 'review.queue': ok(queuePageOf([])) })
    render(<ReviewQueuePage />)
    await screen.findByText('这里没有待点评的打卡')
    expect(cloud.calls('review.queue')).toEqual([{ action: 'queue', kind: 'pending', day: 'today', periodId: PERIOD, limit: 20 }])
  })

  it('should reassign an item after asking, and show its new teacher', async () => {
    const cloud = staff(adminMe, {
      'review.queue': ok(queuePageOf([queueItem('m1', { assignee: wang })])),
      'review.distribution': ok(distributionView()),
      'review.reassign': ok(queueItem('m1', { assignee: li })),
    })
    render(<ReviewQueuePage />)
    fireEvent.click(await findById(`reassign-${ID}`))
    // the item's own teacher is not offered
    await findById('reassign-to-oTeacher2')
    expect(document.getElementById('reassign-to-oTeacher1')).toBeNull()
    expect(byId('reassign-to-oTeacher2').textContent).toBe('李老师在岗 · 待点评 5')
    fireEvent.click(byId('reassign-to-oTeacher2'))
    await answerModal('把学员m1第 5 天的打卡改派给李老师？改派后由李老师点评。', true)

    await findToast('已改派')
    expect(cloud.calls('review.reassign')).toEqual([{ action: 'reassign', checkinId: ID, teacherId: 'oTeacher2', force: false }])
    await waitFor(() => expect(byId(`assignee-${ID}`).textContent).toBe('分配给 李老师'))
    expect(document.getElementById('reassign-sheet')).toBeNull()
  })

  it('should ask again when another teacher has the item open, and force only when confirmed', async () => {
    const leased = fail('REVIEW.LEASED', '其他老师正在点评这份打卡')
    const cloud = staff(adminMe, {
      'review.queue': ok(queuePageOf([queueItem('m1', { assignee: wang, reviewingBy: '王老师' })])),
      'review.distribution': ok(distributionView()),
      'review.reassign': (req: { force: boolean }) => (req.force ? ok(queueItem('m1', { assignee: li })) : leased),
    })
    render(<ReviewQueuePage />)
    fireEvent.click(await findById(`reassign-${ID}`))
    fireEvent.click(await findById('reassign-to-oTeacher2'))
    await answerModal('把学员m1第 5 天的打卡改派给李老师？改派后由李老师点评。', true)
    await answerModal('王老师正在点评学员m1第 5 天的打卡。仍要改派吗？改派后对方将无法提交这份点评。', true)

    await findToast('已改派')
    expect(cloud.calls('review.reassign')).toEqual([
      { action: 'reassign', checkinId: ID, teacherId: 'oTeacher2', force: false },
      { action: 'reassign', checkinId: ID, teacherId: 'oTeacher2', force: true },
    ])
  })

  it('should leave the item where it was when the operator declines to break the lease', async () => {
    const cloud = staff(adminMe, {
      'review.queue': ok(queuePageOf([queueItem('m1', { assignee: wang, reviewingBy: '王老师' })])),
      'review.distribution': ok(distributionView()),
      'review.reassign': fail('REVIEW.LEASED', '其他老师正在点评这份打卡'),
    })
    render(<ReviewQueuePage />)
    fireEvent.click(await findById(`reassign-${ID}`))
    fireEvent.click(await findById('reassign-to-oTeacher2'))
    await answerModal('把学员m1第 5 天的打卡改派给李老师？改派后由李老师点评。', true)
    await answerModal(/仍要改派吗/, false)
    await modalClosed()
    expect(cloud.calls('review.reassign')).toHaveLength(1)
    expect(byId(`assignee-${ID}`).textContent).toBe('分配给 王老师')
    fireEvent.click(byId('reassign-cancel'))
    expect(document.getElementById('reassign-sheet')).toBeNull()
  })

  it('should drop a moved item from the teacher’s queue it was moved out of', async () => {
    setRouteParams({ periodId: PERIOD, assignee: 'oTeacher1' })
    let moved = false
    staff(adminMe, {
      'review.queue': () => ok(queuePageOf(moved ? [] : [queueItem('m1', { assignee: wang })])),
      'review.distribution': ok(distributionView()),
      'review.reassign': () => {
        moved = true
        return ok(queueItem('m1', { assignee: li }))
      },
    })
    render(<ReviewQueuePage />)
    fireEvent.click(await findById(`reassign-${ID}`))
    fireEvent.click(await findById('reassign-to-oTeacher2'))
    await answerModal(/改派给李老师/, true)
    expect(await screen.findByText('这位老师没有待点评的打卡')).toBeTruthy()
  })
})
