/** The review page: phrases fresh on return, limits shown and enforced (never cut), the address follows the item shown. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { getCurrentInstance } from '@tarojs/taro'
import ReviewPage from '@/features/review/pages/review/index'
import { byId, fakeCloud, findById, findToast, inputOf, modalClosed, ok, setRouteParams, typeInto } from '../mall/support'
import { checkinIdOf, freshSession, openView, reviewView, teacherMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const shows: (() => void)[] = []
const hides: (() => void)[] = []
jest.mock('@tarojs/taro', () => ({
  ...jest.requireActual('@tarojs/taro'),
  useDidShow: (fn: () => void) => shows.push(fn),
  useDidHide: (fn: () => void) => hides.push(fn),
}))

const M1 = checkinIdOf('m1')
const M2 = checkinIdOf('m2')

describe('点评 page fixes', () => {
  beforeEach(async () => {
    freshSession()
    shows.length = 0
    hides.length = 0
    setRouteParams({ checkinId: encodeURIComponent(M1), kind: 'pending', day: 'today' })
    window.history.replaceState(
      null,
      '',
      `/#/features/review/pages/review/index?checkinId=${encodeURIComponent(M1)}&kind=pending&day=today`,
    )
    await modalClosed()
  })

  it('should show a phrase added on the phrases page when the teacher comes back, without a reload', async () => {
    let phrases = ['书写工整，继续保持！']
    fakeCloud({ 'identity.me': teacherMe, 'review.open': ok(openView('m1')), 'review.listPhrases': () => ok({ phrases }) })
    render(<ReviewPage />)
    await findById('phrase-0')

    phrases = ['书写工整，继续保持！', '发音很标准']
    hides[hides.length - 1]()
    shows[shows.length - 1]()

    expect((await findById('phrase-1')).textContent).toBe('发音很标准')
  })

  it('should keep a comment over the limit whole, count it in red and refuse to submit it', async () => {
    const cloud = fakeCloud({ 'identity.me': teacherMe, 'review.open': ok(openView('m1')), 'review.listPhrases': ok({ phrases: [] }) })
    render(<ReviewPage />)
    await screen.findByText('学员m1')

    await typeInto('review-comment-input', '好'.repeat(503))
    expect((inputOf('review-comment-input') as HTMLTextAreaElement).value).toHaveLength(503)
    const count = byId('review-comment-count')
    expect(count.textContent).toBe('503/500')
    expect(count.className).toContain('rv-form__count--over')
    fireEvent.click(byId('review-submit'))

    await findToast('评语不能超过 500 字，请删去 3 字')
    expect(cloud.calls('review.submitReview')).toHaveLength(0)
  })

  it('should put the check-in shown after auto-advance in the address and the page params', async () => {
    fakeCloud({
      'identity.me': teacherMe,
      'review.open': ok(openView('m1')),
      'review.listPhrases': ok({ phrases: [] }),
      'review.submitReview': ok(reviewView()),
      'review.next': ok(openView('m2')),
    })
    render(<ReviewPage />)
    await screen.findByText('学员m1')

    await typeInto('review-comment-input', '读得很流利')
    fireEvent.click(byId('review-submit'))

    expect(await screen.findByText('学员m2')).toBeTruthy()
    await waitFor(() => expect(new URLSearchParams(window.location.hash.split('?')[1]).get('checkinId')).toBe(M2))
    expect(window.location.hash).toMatch(/^#\/features\/review\/pages\/review\/index\?/)
    expect(new URLSearchParams(window.location.hash.split('?')[1]).get('kind')).toBe('pending')
    expect(getCurrentInstance().router?.params.checkinId).toBe(M2)
  })
})
