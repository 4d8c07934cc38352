import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ReviewPage from '@/features/review/pages/review/index'
import {
  answerModal,
  byId,
  fail,
  fakeCloud,
  findById,
  findToast,
  inputOf,
  modalClosed,
  ok,
  setRouteParams,
  typeInto,
} from '../mall/support'
import { checkinIdOf, freshSession, GRADE_OPTIONS, openView, queueItem, reviewView, teacherMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const M1 = checkinIdOf('m1')

function reviewing(routes: Record<string, unknown>) {
  return fakeCloud({
    'identity.me': teacherMe,
    'review.listPhrases': ok({ phrases: ['书写工整，继续保持！', '朗读很有感情'] }),
    'review.open': ok(openView('m1')),
    ...routes,
  })
}

describe('点评 page', () => {
  beforeEach(async () => {
    freshSession()
    setRouteParams({ checkinId: encodeURIComponent(M1), kind: 'pending', day: 'today' })
    await modalClosed()
  })

  it('should show the member’s text, streak and recent days', async () => {
    reviewing({})
    render(<ReviewPage />)

    expect(await screen.findByText('m1 今天读了《小王子》第三章')).toBeTruthy()
    expect(byId('review-streak').textContent).toBe('连续打卡 5 天 · 最长 7 天')
    expect(screen.getByText('第 4 天 · 已点评 · 精选')).toBeTruthy()
  })

  it('should submit the comment, score and 精选 and then show the next submission', async () => {
    const cloud = reviewing({ 'review.submitReview': ok(reviewView()), 'review.next': ok(openView('m2')) })
    render(<ReviewPage />)
    await screen.findByText('学员m1')

    await typeInto('review-comment-input', '读得很流利')
    fireEvent.click(byId('score-4'))
    fireEvent.click(byId('featured-toggle'))
    fireEvent.click(byId('review-submit'))

    expect(await screen.findByText('学员m2')).toBeTruthy()
    expect(cloud.calls('review.submitReview')).toEqual([
      {
        action: 'submitReview',
        checkinId: M1,
        comment: '读得很流利',
        voice: null,
        annotatedImages: [],
        score: 4,
        featured: true,
        requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,36}$/),
      },
    ])
  })

  it('should send one review for two taps that land before the page renders again', async () => {
    const cloud = reviewing({ 'review.submitReview': ok(reviewView()), 'review.next': ok(openView('m2')) })
    render(<ReviewPage />)
    await screen.findByText('学员m1')
    fireEvent.click(byId('score-4'))
    const submit = byId('review-submit')
    act(() => {
      submit.click()
      submit.click()
    })
    await screen.findByText('学员m2')
    expect(cloud.calls('review.submitReview')).toHaveLength(1)
  })

  it('should send a grade when the camp scores A/B/C', async () => {
    const cloud = reviewing({
      'review.open': ok(openView('m1', { scoreOptions: GRADE_OPTIONS })),
      'review.submitReview': ok(reviewView()),
      'review.next': ok(null),
    })
    render(<ReviewPage />)

    fireEvent.click(await findById('score-A'))
    fireEvent.click(byId('review-submit'))

    await waitFor(() => expect(cloud.calls('review.submitReview')).toHaveLength(1))
    expect(cloud.calls('review.submitReview')[0]).toMatchObject({ score: 'A', comment: '', featured: false })
  })

  it('should insert a quick phrase into the comment when it is tapped', async () => {
    reviewing({})
    render(<ReviewPage />)
    await screen.findByText('学员m1')

    await typeInto('review-comment-input', '很好')
    fireEvent.click(await findById('phrase-0'))

    await waitFor(() => expect(inputOf('review-comment-input').value).toBe('很好\n书写工整，继续保持！'))
  })

  it('should not submit an empty review', async () => {
    const cloud = reviewing({ 'review.submitReview': ok(reviewView()) })
    render(<ReviewPage />)

    fireEvent.click(await findById('review-submit'))

    await findToast('请填写评语、录制语音或打分')
    expect(cloud.calls('review.submitReview')).toHaveLength(0)
  })

  it('should ask for the item after the current one with its cursor on 下一条 and show it', async () => {
    const cloud = reviewing({ 'review.next': ok(openView('m2')) })
    render(<ReviewPage />)
    await screen.findByText('学员m1')

    fireEvent.click(byId('review-next'))

    expect(await screen.findByText('学员m2')).toBeTruthy()
    expect(cloud.calls('review.next')).toEqual([
      { action: 'next', kind: 'pending', day: 'today', after: { submittedAt: queueItem().submittedAt, id: M1 } },
    ])
  })

  it('should say the queue is done when there is no next item', async () => {
    reviewing({ 'review.next': ok(null) })
    render(<ReviewPage />)

    fireEvent.click(await findById('review-next'))

    expect(await screen.findByText('这个队列已经点评完了')).toBeTruthy()
  })

  it('should tell the teacher when another teacher reviewed it first and show that review', async () => {
    let opened = 0
    reviewing({
      'review.open': () =>
        ok(
          opened++ === 0
            ? openView('m1')
            : openView('m1', { review: reviewView({ reviewer: { id: 'oT2', name: '李老师' }, editable: false }) }),
        ),
      'review.submitReview': fail('REVIEW.ALREADY_REVIEWED', '这份打卡已被其他老师点评'),
    })
    render(<ReviewPage />)
    await screen.findByText('学员m1')

    await typeInto('review-comment-input', '不错')
    fireEvent.click(byId('review-submit'))

    expect((await findById('review-notice')).textContent).toBe('这份打卡已被其他老师点评')
    expect(await screen.findByText('李老师的点评')).toBeTruthy()
    expect(document.getElementById('review-submit')).toBeNull()
  })

  it('should return for redo with the reason after the teacher confirms', async () => {
    const cloud = reviewing({
      'review.returnForRedo': ok(reviewView({ outcome: { value: 'returned', label: '退回重做' } })),
      'review.next': ok(null),
    })
    render(<ReviewPage />)
    await screen.findByText('学员m1')

    fireEvent.click(byId('redo-start'))
    await typeInto('redo-reason', '照片看不清，请重拍')
    fireEvent.click(byId('redo-confirm'))
    await answerModal('学员可以重新提交一次这天的打卡。退回原因：照片看不清，请重拍', true)

    await waitFor(() => expect(cloud.calls('review.returnForRedo')).toHaveLength(1))
    expect(cloud.calls('review.returnForRedo')[0]).toEqual({
      action: 'returnForRedo',
      checkinId: M1,
      comment: '',
      voice: null,
      annotatedImages: [],
      score: null,
      reason: '照片看不清，请重拍',
    })
  })

  it('should not return for redo when the teacher cancels', async () => {
    const cloud = reviewing({ 'review.returnForRedo': ok(reviewView()) })
    render(<ReviewPage />)
    await screen.findByText('学员m1')

    fireEvent.click(byId('redo-start'))
    await typeInto('redo-reason', '请重拍')
    fireEvent.click(byId('redo-confirm'))
    await answerModal(/退回原因：请重拍/, false)

    await modalClosed()
    expect(cloud.calls('review.returnForRedo')).toHaveLength(0)
  })

  it('should ask for a reason before returning for redo', async () => {
    const cloud = reviewing({ 'review.returnForRedo': ok(reviewView()) })
    render(<ReviewPage />)

    fireEvent.click(await findById('redo-start'))
    fireEvent.click(byId('redo-confirm'))

    await findToast('请填写退回重做的原因')
    expect(cloud.calls('review.returnForRedo')).toHaveLength(0)
  })

  it('should clear flagged content after the teacher confirms 通过', async () => {
    const flagged = { flagged: true, moderation: { value: 'review' as const, label: '人工审核中' } }
    const cloud = reviewing({
      'review.open': ok(openView('m1', {}, flagged)),
      'review.moderate': ok(queueItem('m1')),
    })
    render(<ReviewPage />)

    fireEvent.click(await findById('moderate-pass'))
    await answerModal('确认内容合规？通过后本期同学可以看到这份打卡。', true)

    await findToast('已通过')
    expect(cloud.calls('review.moderate')).toEqual([{ action: 'moderate', checkinId: M1, decision: 'pass' }])
    await waitFor(() => expect(cloud.calls('review.open')).toHaveLength(2))
  })

  it('should keep the comment being written when the item is read again after moderation', async () => {
    const flagged = { flagged: true, moderation: { value: 'review' as const, label: '人工审核中' } }
    let opened = 0
    const cloud = reviewing({
      'review.open': () => ok(openView('m1', {}, opened++ === 0 ? flagged : {})),
      'review.moderate': ok(queueItem('m1')),
    })
    render(<ReviewPage />)
    await findById('moderate-pass')

    await typeInto('review-comment-input', '声音洪亮')
    fireEvent.click(byId('moderate-pass'))
    await answerModal(/确认内容合规/, true)

    await waitFor(() => expect(document.getElementById('moderation-bar')).toBeNull())
    expect(cloud.calls('review.open')).toHaveLength(2)
    expect(inputOf('review-comment-input').value).toBe('声音洪亮')
  }, 60_000) // ~12 s alone (two moderation rounds through the H5 page); 20 s timed out on a loaded 2-core machine

  it('should reject flagged content only after the teacher confirms 驳回', async () => {
    const flagged = { flagged: true, moderation: { value: 'review' as const, label: '人工审核中' } }
    const cloud = reviewing({ 'review.open': ok(openView('m1', {}, flagged)), 'review.moderate': ok(queueItem('m1')) })
    render(<ReviewPage />)

    fireEvent.click(await findById('moderate-reject'))
    await answerModal(/驳回后内容将被隐藏/, true)

    await waitFor(() => expect(cloud.calls('review.moderate')).toEqual([{ action: 'moderate', checkinId: M1, decision: 'reject' }]))
  })

  it('should let the author edit their review the same day', async () => {
    const cloud = reviewing({ 'review.open': ok(openView('m1', { review: reviewView() })), 'review.editReview': ok(reviewView()) })
    render(<ReviewPage />)

    await waitFor(() => expect(inputOf('review-comment-input').value).toBe('读得很流利，继续加油！'))
    await typeInto('review-comment-input', '读得很流利，声音洪亮！')
    fireEvent.click(byId('review-submit'))

    await findToast('已保存修改')
    expect(cloud.calls('review.editReview')).toEqual([
      {
        action: 'editReview',
        checkinId: M1,
        comment: '读得很流利，声音洪亮！',
        voice: null,
        annotatedImages: [],
        score: 4,
        featured: false,
        redoReason: null,
      },
    ])
  })

  it('should say 精选 needs content that passed review and not send it', async () => {
    const pending = { moderation: { value: 'pending' as const, label: '审核中' } }
    const cloud = reviewing({
      'review.open': ok(openView('m1', {}, pending)),
      'review.submitReview': ok(reviewView()),
      'review.next': ok(null),
    })
    render(<ReviewPage />)

    expect(await screen.findByText('内容审核通过后才能设为精选')).toBeTruthy()
    fireEvent.click(byId('featured-toggle'))
    fireEvent.click(byId('score-5'))
    fireEvent.click(byId('review-submit'))

    await waitFor(() => expect(cloud.calls('review.submitReview')).toHaveLength(1))
    expect(cloud.calls('review.submitReview')[0].featured).toBe(false)
  })

  it('should explain in the browser that voice comments are recorded in WeChat', async () => {
    reviewing({})
    render(<ReviewPage />)

    expect((await findById('voice-comment-unsupported')).textContent).toContain('请在微信小程序里录制语音点评')
  })

  it('should offer playback speeds for the member’s voice', async () => {
    reviewing({
      'review.open': ok(openView('m1', { content: { text: '', images: [], voice: { fileId: 'cloud://env/a.mp3', durationSec: 30 } } })),
    })
    render(<ReviewPage />)

    expect(await findById('checkin-voice-rate-1.5')).toBeTruthy()
    expect(byId('checkin-voice').textContent).toContain('30″')
  })
})
