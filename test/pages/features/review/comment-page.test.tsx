import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ReviewCommentPage from '@/features/review/pages/comment/index'
import { fileSrc } from '@/shared/cloud'
import { openedViewer, watchImageViewer } from '../../../support/image-viewer'
import { byId, fail, fakeCloud, findById, ok, setRouteParams } from '../mall/support'
import { myReviewView, reviewView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('老师点评 landing page', () => {
  beforeEach(() => setRouteParams({ periodId: 'p1', day: '2026-11-23' }))
  afterEach(() => jest.restoreAllMocks())

  it('should ask for the member’s review of that period and day', async () => {
    const cloud = fakeCloud({ 'camp.myCheckin': ok(myReviewView()) })
    render(<ReviewCommentPage />)

    await findById('review-card')
    expect(cloud.calls('camp.myCheckin')).toEqual([{ action: 'myCheckin', periodId: 'p1', day: '2026-11-23' }])
  })

  it('should show the check-in with the teacher’s comment, score, voice and 精选 under it', async () => {
    fakeCloud({ 'camp.myCheckin': ok(myReviewView()) })
    render(<ReviewCommentPage />)

    expect(await screen.findByText('今天读了《小王子》第三章')).toBeTruthy()
    expect(byId('review-comment').textContent).toBe('读得很流利，继续加油！')
    expect(byId('review-score').textContent).toBe('★★★★☆ 4 星')
    expect(byId('review-featured').textContent).toBe('精选')
    expect(byId('review-voice').textContent).toContain('12″')
    expect(screen.getByText('王老师的点评')).toBeTruthy()
  })

  it('should show the teacher’s annotated photos under the comment and open the viewer on the list', async () => {
    watchImageViewer()
    const annotatedImages = ['cloud://env/sealed/pubT1/aaa.png', 'cloud://env/sealed/pubT1/bbb.png']
    fakeCloud({ 'camp.myCheckin': ok(myReviewView({ review: reviewView({ annotatedImages }) })) })
    render(<ReviewCommentPage />)

    fireEvent.click(await findById('review-annotation-1'))
    expect(document.getElementById('review-annotation-2')).toBeNull()
    expect(await openedViewer()).toEqual({ srcs: annotatedImages.map(fileSrc), current: 1 })
  })

  it('should show no annotated photos when the teacher made none', async () => {
    fakeCloud({ 'camp.myCheckin': ok(myReviewView()) })
    render(<ReviewCommentPage />)
    await findById('review-card')
    expect(document.getElementById('review-annotation-0')).toBeNull()
  })

  it('should show the points the check-in earned with the featured bonus', async () => {
    fakeCloud({ 'camp.myCheckin': ok(myReviewView()) })
    render(<ReviewCommentPage />)

    expect((await findById('comment-points')).textContent).toBe('这次打卡获得 30 积分（含精选奖励 20 积分）')
  })

  it('should say the teacher has not reviewed yet', async () => {
    fakeCloud({ 'camp.myCheckin': ok(myReviewView({ review: null, featuredBonus: 0 })) })
    render(<ReviewCommentPage />)

    expect((await findById('comment-waiting')).textContent).toBe('老师还没有点评，点评后会第一时间通知你')
  })

  it('should show the redo reason and lead to the today page to resubmit', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    const returned = reviewView({ outcome: { value: 'returned', label: '退回重做' }, redoReason: '照片看不清', editable: false })
    fakeCloud({ 'camp.myCheckin': ok(myReviewView({ review: returned, featuredBonus: 0, canRedo: true })) })
    render(<ReviewCommentPage />)

    expect((await findById('review-redo-reason')).textContent).toBe('重做原因：照片看不清')
    fireEvent.click(byId('comment-redo'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/camp/pages/today/index?periodId=p1&redoDay=2026-11-23' })
  })

  it('should show the function error with a retry', async () => {
    fakeCloud({ 'camp.myCheckin': fail('CAMP.NOT_JOINED', '你还没有加入这一期') })
    render(<ReviewCommentPage />)

    expect(await screen.findByText('你还没有加入这一期')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })
})
