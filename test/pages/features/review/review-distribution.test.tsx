import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ReviewPage from '@/features/review/pages/review/index'
import { byId, fail, fakeCloud, findToast, modalClosed, ok, setRouteParams, typeInto } from '../mall/support'
import { checkinIdOf, freshSession, openView, teacherMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

/** The review page when distribution says the item is not (or no longer) this teacher's (issue #17 item 2). */

const M1 = checkinIdOf('m1')
const reviewing = (routes: Record<string, unknown>) =>
  fakeCloud({ 'identity.me': teacherMe, 'review.listPhrases': ok({ phrases: [] }), 'review.open': ok(openView('m1')), ...routes })

describe('点评 page with distribution', () => {
  beforeEach(async () => {
    freshSession()
    setRouteParams({ checkinId: encodeURIComponent(M1), kind: 'pending', day: 'today' })
    await modalClosed()
  })
  afterEach(() => jest.restoreAllMocks())

  it('should say another teacher has it open, with 重试 and a way back to the list', async () => {
    reviewing({ 'review.open': fail('REVIEW.LEASED', '其他老师正在点评这份打卡') })
    render(<ReviewPage />)
    expect(await screen.findByText('其他老师正在点评这份打卡')).toBeTruthy()
    expect(byId('retry')).toBeTruthy()
    expect(byId('back-to-list').textContent).toBe('返回工作台')
  })

  it('should offer only the way back when the item was dealt to another teacher', async () => {
    const back = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'ok' } as never)
    reviewing({ 'review.open': fail('REVIEW.NOT_YOURS', '这份打卡已分配给其他老师') })
    render(<ReviewPage />)
    expect(await screen.findByText('这份打卡已分配给其他老师')).toBeTruthy()
    expect(document.getElementById('retry')).toBeNull()
    fireEvent.click(byId('back-to-list'))
    expect(back).toHaveBeenCalledTimes(1)
  })

  it('should say so and open the teacher’s next item when the item was moved away while they wrote', async () => {
    const cloud = reviewing({
      'review.submitReview': fail('REVIEW.NOT_YOURS', '这份打卡已分配给其他老师'),
      'review.next': ok(openView('m2')),
    })
    render(<ReviewPage />)
    await screen.findByText('学员m1')
    await typeInto('review-comment-input', '读得很流利')
    fireEvent.click(byId('review-submit'))

    await findToast('这份打卡已分配给其他老师')
    expect(await screen.findByText('学员m2')).toBeTruthy()
    expect(cloud.calls('review.next')).toHaveLength(1)
  })

  it('should stay on the item when there is no next one to open', async () => {
    let opened = 0
    reviewing({
      'review.open': () => (opened++ === 0 ? ok(openView('m1')) : fail('REVIEW.NOT_YOURS', '这份打卡已分配给其他老师')),
      'review.submitReview': fail('REVIEW.NOT_YOURS', '这份打卡已分配给其他老师'),
      'review.next': fail('SYS.BUSY', '系统繁忙，请稍后再试'),
    })
    render(<ReviewPage />)
    await screen.findByText('学员m1')
    await typeInto('review-comment-input', '读得很流利')
    fireEvent.click(byId('review-submit'))
    // next failed: the item is opened again, and says it is no longer the teacher's (the toast says it too)
    await waitFor(() => expect(opened).toBe(2))
    await waitFor(() => byId('back-to-list'))
    const onPage = screen.getAllByText('这份打卡已分配给其他老师').filter((el) => !el.closest('.taro__toast'))
    expect(onPage).toHaveLength(1)
    expect(document.getElementById('retry')).toBeNull()
  })
})
