import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ReviewPage from '@/features/review/pages/review/index'
import { uploadFile } from '@/shared/cloud/upload'
import { PEN_COLORS } from '@/shared/ui/tokens'
import { answerModal, byId, fakeCloud, findById, findToast, modalClosed, ok, setRouteParams, typeInto } from '../mall/support'
import { checkinIdOf, freshSession, openView, reviewView, teacherMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))
jest.mock('@/shared/cloud/upload', () => ({ ...jest.requireActual('@/shared/cloud/upload'), uploadFile: jest.fn() }))

const M1 = checkinIdOf('m1')
const PHOTO = 'cloud://env/checkins/m1/p1/homework.png'
const ANNOTATED = 'cloud://env/reviews/oTeacher1/p1/1-abcdef.png'
/** The sealed copies a stored review shows. */
const STORED = ['cloud://env/sealed/pubT1/aaa.png', 'cloud://env/sealed/pubT1/bbb.png']

/**
 * jsdom draws nothing and loads no images: the photo "loads" at once as 400 × 200, and the 2d context records its
 * calls (property writes too, so the pen's colour is seen).
 */
function fakeCanvas() {
  const calls: unknown[][] = []
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (target, key: string) => (key in target ? target[key] : (...args: unknown[]) => void calls.push([key, ...args])),
    set: (target, key: string, value) => (calls.push([`=${key}`, value]), (target[key] = value), true),
  })
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D)
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,ANNOTATED')
  jest.spyOn(HTMLImageElement.prototype, 'naturalWidth', 'get').mockReturnValue(400)
  jest.spyOn(HTMLImageElement.prototype, 'naturalHeight', 'get').mockReturnValue(200)
  jest.spyOn(HTMLImageElement.prototype, 'src', 'set').mockImplementation(function (this: HTMLImageElement, value: string) {
    this.setAttribute('src', value)
    setTimeout(() => this.onload?.(new Event('load')))
  })
  return calls
}

/**
 * The canvas is shown 844 × 422 in jsdom's 1024 × 768 window (the photo's aspect); its bitmap is 400 × 200. A drag at
 * height `y` (shown px) from x 211 to 633: a quarter to three quarters across (bitmap x 100 to 300).
 */
function drag(y: number) {
  const canvas = byId('annotate-canvas')
  fireEvent.mouseDown(canvas, { clientX: 211, clientY: y })
  for (let x = 251; x <= 633; x += 40) fireEvent.mouseMove(canvas, { clientX: x, clientY: y })
  fireEvent.mouseMove(canvas, { clientX: 633, clientY: y })
  fireEvent.mouseUp(canvas)
}

function reviewing(routes: Record<string, unknown> = {}) {
  return fakeCloud({
    'identity.me': teacherMe,
    'review.listPhrases': ok({ phrases: [] }),
    'review.open': ok(openView('m1', { content: { text: '今天的书法作业', images: [PHOTO], voice: null } })),
    ...routes,
  })
}

async function openAnnotator() {
  render(<ReviewPage />)
  fireEvent.click(await findById('annotate-photo-0'))
  await findById('annotate-canvas')
  await waitFor(() => expect(screen.queryByText('图片加载中…')).toBeNull())
}

const isDisabled = (id: string) => byId(id).hasAttribute('disabled')

/** Opens the annotator on the first photo, draws one line and finishes (the upload answers what the test set). */
async function annotateOnce() {
  await openAnnotator()
  drag(211)
  await waitFor(() => expect(isDisabled('annotate-done')).toBe(false))
  fireEvent.click(byId('annotate-done'))
  await findById('annotated-image-0')
}

describe('图片批注 on the 点评 page', () => {
  beforeEach(async () => {
    freshSession()
    setRouteParams({ checkinId: encodeURIComponent(M1), kind: 'pending', day: 'today' })
    jest.mocked(uploadFile).mockReset()
    await modalClosed()
  })
  afterEach(() => jest.restoreAllMocks())

  it('should draw, undo, draw again and send the uploaded annotated photo with the review', async () => {
    const calls = fakeCanvas()
    const cloud = reviewing({ 'review.submitReview': ok(reviewView()), 'review.next': ok(null) })
    jest.mocked(uploadFile).mockResolvedValue(ANNOTATED)
    await openAnnotator()
    expect(calls.find((c) => c[0] === 'drawImage')?.slice(2)).toEqual([0, 0, 400, 200])
    // Nothing drawn yet: 完成, 撤销 and 清空 do nothing.
    expect(isDisabled('annotate-done')).toBe(true)
    expect(isDisabled('annotate-undo')).toBe(true)

    drag(211) // red, across the middle
    await waitFor(() => expect(calls).toContainEqual(['lineTo', 300, 100]))
    expect(calls).toContainEqual(['moveTo', 100, 100])
    expect(calls).toContainEqual(['=strokeStyle', PEN_COLORS.red])
    fireEvent.click(byId('annotate-undo'))
    await waitFor(() => expect(isDisabled('annotate-done')).toBe(true))

    fireEvent.click(byId('pen-blue'))
    calls.length = 0
    drag(211) // blue across the middle
    await waitFor(() => expect(calls).toContainEqual(['lineTo', 300, 100]))
    // The last paint has one stroke only, the blue one: the red was undone.
    const lastPaint = calls.slice(calls.map((c) => c[0]).lastIndexOf('drawImage'))
    expect(lastPaint.filter((c) => c[0] === 'moveTo')).toEqual([['moveTo', 100, 100]])
    expect(lastPaint.filter((c) => c[0] === '=strokeStyle')).toEqual([['=strokeStyle', PEN_COLORS.blue]])

    fireEvent.click(byId('annotate-done'))
    await findById('annotated-image-0')
    expect(jest.mocked(uploadFile).mock.calls).toEqual([
      [expect.stringMatching(/^reviews\/oTeacher1\/p1\/\d+-[0-9a-z]{6}\.png$/), 'data:image/png;base64,ANNOTATED'],
    ])
    expect(document.getElementById('annotator')).toBeNull()

    fireEvent.click(byId('score-4'))
    fireEvent.click(byId('review-submit'))
    await waitFor(() => expect(cloud.calls('review.submitReview')).toHaveLength(1))
    expect(cloud.calls('review.submitReview')[0]).toMatchObject({ checkinId: M1, score: 4, annotatedImages: [ANNOTATED] })
  })

  it('should send a review of annotated photos alone', async () => {
    fakeCanvas()
    const cloud = reviewing({ 'review.submitReview': ok(reviewView()), 'review.next': ok(null) })
    jest.mocked(uploadFile).mockResolvedValue(ANNOTATED)
    await annotateOnce()
    fireEvent.click(byId('review-submit'))
    await waitFor(() => expect(cloud.calls('review.submitReview')).toHaveLength(1))
    expect(cloud.calls('review.submitReview')[0]).toMatchObject({ comment: '', score: null, annotatedImages: [ANNOTATED] })
  })

  it('should send the annotated photo with a return for redo', async () => {
    fakeCanvas()
    const cloud = reviewing({ 'review.returnForRedo': ok(reviewView()), 'review.next': ok(null) })
    jest.mocked(uploadFile).mockResolvedValue(ANNOTATED)
    await annotateOnce()
    fireEvent.click(byId('redo-start'))
    await typeInto('redo-reason', '照着红圈重写')
    fireEvent.click(byId('redo-confirm'))
    await answerModal(/退回原因：照着红圈重写/, true)
    await waitFor(() => expect(cloud.calls('review.returnForRedo')).toHaveLength(1))
    expect(cloud.calls('review.returnForRedo')[0]).toMatchObject({ reason: '照着红圈重写', annotatedImages: [ANNOTATED] })
  })

  it('should start an edit from the stored photos and save the list as the teacher left it', async () => {
    const cloud = reviewing({
      'review.open': ok(
        openView('m1', { content: { text: '作业', images: [PHOTO], voice: null }, review: reviewView({ annotatedImages: STORED }) }),
      ),
      'review.editReview': ok(reviewView()),
    })
    render(<ReviewPage />)
    await findById('annotated-image-1')
    fireEvent.click(byId('annotated-remove-0'))
    await waitFor(() => expect(document.getElementById('annotated-image-1')).toBeNull())
    fireEvent.click(byId('review-submit'))
    await findToast('已保存修改')
    expect(cloud.calls('review.editReview')).toEqual([expect.objectContaining({ annotatedImages: [STORED[1]] })])
  })

  it('should not open the annotator once nine photos are annotated', async () => {
    const nine = Array.from({ length: 9 }, (_, i) => `cloud://env/sealed/pub/${i}.png`)
    reviewing({
      'review.open': ok(
        openView('m1', { content: { text: '作业', images: [PHOTO], voice: null }, review: reviewView({ annotatedImages: nine }) }),
      ),
    })
    render(<ReviewPage />)
    await findById('annotated-image-8')
    fireEvent.click(byId('annotate-photo-0'))
    await findToast('最多添加 9 张批注图片')
    expect(document.getElementById('annotator')).toBeNull()
  })

  it('should say the upload failed and keep the drawing for another try', async () => {
    fakeCanvas()
    reviewing()
    jest.mocked(uploadFile).mockRejectedValueOnce(new Error('upload failed: HTTP 500')).mockResolvedValueOnce(ANNOTATED)
    await openAnnotator()
    drag(211)
    await waitFor(() => expect(isDisabled('annotate-done')).toBe(false))
    fireEvent.click(byId('annotate-done'))
    expect(await screen.findByText('上传失败，请重试')).toBeTruthy()
    expect(document.getElementById('annotated-image-0')).toBeNull()

    fireEvent.click(byId('annotate-done'))
    await findById('annotated-image-0')
    fireEvent.click(byId('annotated-remove-0'))
    await waitFor(() => expect(document.getElementById('annotated-image-0')).toBeNull())
  })

  it('should clear every mark and close without uploading on 取消', async () => {
    fakeCanvas()
    reviewing()
    await openAnnotator()
    drag(105)
    drag(300)
    await waitFor(() => expect(isDisabled('annotate-clear')).toBe(false))
    fireEvent.click(byId('annotate-clear'))
    await waitFor(() => expect(isDisabled('annotate-done')).toBe(true))
    fireEvent.click(byId('annotate-cancel'))
    await waitFor(() => expect(document.getElementById('annotator')).toBeNull())
    expect(uploadFile).not.toHaveBeenCalled()
  })
})
