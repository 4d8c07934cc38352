import { fireEvent, render, waitFor } from '@testing-library/react'
import { fileSrc } from '@/shared/cloud'
import { openedViewer, watchImageViewer } from '../../../support/image-viewer'
import TodayPage from '@/features/camp/pages/today/index'
import { refreshMe } from '@/shared/session'
import { answerModal, byId, fakeCloud, findById, ok, setRouteParams, typeInto } from '../mall/support'
import { reviewView } from '../review/fixtures'
import { checkinView, fakeUploads, todayView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const me = ok({ openid: 'm-01', nickname: '小明', isAdmin: false, isTeacher: false })

/** Picks `files` on Taro H5's real chooseMedia input (see today-page.test.tsx). */
async function pick(files: File[]) {
  jest.spyOn(HTMLImageElement.prototype, 'complete', 'get').mockReturnValue(true)
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/jpeg;base64,')
  fireEvent.click(await findById('photo-add'))
  const input = await waitFor(() => {
    const el = document.getElementById('taroChooseMedia')
    if (!el) throw new Error('no picker')
    return el as HTMLInputElement
  })
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  fireEvent.change(input)
}

const bigPhoto = () => {
  const f = new File(['x'], 'huge.jpg', { type: 'image/jpeg' })
  Object.defineProperty(f, 'size', { value: 12 * 1024 * 1024 })
  return f
}

describe('今日打卡 page: the teacher’s feedback, redo and drafts', () => {
  let uploads: ReturnType<typeof fakeUploads>
  beforeEach(() => {
    refreshMe()
    localStorage.clear()
    setRouteParams({ periodId: 'p1' })
    uploads = fakeUploads()
    let n = 0
    URL.createObjectURL = jest.fn(() => `blob:local/${++n}.jpg`)
  })
  afterEach(() => {
    uploads.restore()
    jest.restoreAllMocks()
  })

  it('should show the teacher’s annotated photos under the comment, apart from the member’s own, and preview the list', async () => {
    watchImageViewer()
    const annotatedImages = ['cloud://env/sealed/pubT1/aaa.png', 'cloud://env/sealed/pubT1/bbb.png']
    const own = 'cloud://env/sealed/pubM1/own.png'
    const view = todayView({
      canCheckIn: false,
      checkin: checkinView({ reviewStatus: 'reviewed', content: { text: '今天读了第二课', images: [own], voice: null } }),
      review: reviewView({ comment: '看红圈', annotatedImages }),
    })
    fakeCloud({ 'identity.me': me, 'camp.today': ok(view) })
    render(<TodayPage />)

    const second = await findById('review-annotation-1')
    expect(byId('review-note').contains(second)).toBe(true)
    expect(byId('review-note').contains(byId('photo-0'))).toBe(false)
    expect(document.getElementById('review-annotation-2')).toBeNull()
    fireEvent.click(second.firstElementChild as Element)
    expect(await openedViewer()).toEqual({ srcs: annotatedImages.map(fileSrc), current: 1 })
  })

  it('should show the teacher’s comment, score, 精选 and 新点评 on today’s card instead of 今日已打卡', async () => {
    const view = todayView({
      canCheckIn: false,
      checkin: checkinView({ reviewStatus: 'reviewed', featured: true }),
      review: reviewView({ comment: '读得很流利，继续加油！', featured: true }),
      reviewUnread: true,
    })
    fakeCloud({ 'identity.me': me, 'camp.today': ok(view) })
    render(<TodayPage />)

    expect((await findById('checkin-title')).textContent).toBe('老师已点评 · 精选')
    expect(byId('review-comment').textContent).toBe('读得很流利，继续加油！')
    expect(byId('review-score').textContent).toBe('★★★★☆ 4 星')
    expect(byId('review-featured').textContent).toBe('精选')
    expect(byId('review-unread').textContent).toBe('新点评')
    // A reviewed check-in can no longer be edited.
    expect(document.getElementById('checkin-edit')).toBeNull()
  })

  it('should say it waits for the teacher while pending', async () => {
    fakeCloud({ 'identity.me': me, 'camp.today': ok(todayView({ canCheckIn: false, checkin: checkinView() })) })
    render(<TodayPage />)

    expect((await findById('checkin-title')).textContent).toBe('今日已打卡，等待老师点评')
    expect(document.getElementById('review-note')).toBeNull()
  })

  it('should lead a redo request straight into the redo composer and resubmit today’s check-in', async () => {
    const returned = todayView({
      canCheckIn: false,
      canRedo: true,
      checkin: checkinView({ reviewStatus: 'returned', day: '2026-11-24', content: { text: '第一次', images: [], voice: null } }),
      review: reviewView({ outcome: { value: 'returned', label: '退回重做' }, redoReason: '请补上朗读录音', score: null, comment: '' }),
    })
    const cloud = fakeCloud({
      'identity.me': me,
      'camp.today': ok(returned),
      'camp.editCheckin': ok(todayView({ canCheckIn: false, checkin: checkinView({ redoCount: 1 }) })),
    })
    render(<TodayPage />)

    expect((await findById('checkin-title')).textContent).toBe('老师请你重新提交')
    expect(byId('review-redo-reason').textContent).toBe('重做原因：请补上朗读录音')
    fireEvent.click(byId('review-redo'))

    expect((await findById('checkin-submit')).textContent).toContain('重新提交')
    expect((byId('checkin-text') as HTMLTextAreaElement).value).toBe('第一次')
    await typeInto('checkin-text', '重做：加上了录音')
    fireEvent.click(byId('checkin-submit'))

    await waitFor(() => expect(cloud.calls('camp.editCheckin')).toHaveLength(1))
    expect(cloud.calls('camp.editCheckin')[0]).toMatchObject({ periodId: 'p1', day: '2026-11-24', text: '重做：加上了录音' })
  })

  it('should open the redo composer of an earlier day from ?redoDay and resubmit that day', async () => {
    setRouteParams({ periodId: 'p1', redoDay: '2026-11-23' })
    const cloud = fakeCloud({
      'identity.me': me,
      'camp.today': ok(todayView()),
      'camp.myCheckin': ok({
        periodId: 'p1',
        periodTitle: '英语 · 第 3 期',
        day: '2026-11-23',
        dayIndex: 1,
        checkin: checkinView({
          day: '2026-11-23',
          dayIndex: 1,
          reviewStatus: 'returned',
          content: { text: '旧的', images: [], voice: null },
        }),
        review: reviewView({ outcome: { value: 'returned', label: '退回重做' }, redoReason: '照片看不清' }),
        reviewUnread: false,
        featuredBonus: 0,
        pointsEarned: 10,
        canRedo: true,
      }),
      'camp.editCheckin': ok(todayView()),
    })
    render(<TodayPage />)

    expect((await findById('redo-composer')).textContent).toContain('重新提交第 1 天的打卡')
    expect(byId('review-redo-reason').textContent).toBe('重做原因：照片看不清')
    await typeInto('checkin-text', '新的内容')
    fireEvent.click(byId('checkin-submit'))

    await waitFor(() => expect(cloud.calls('camp.editCheckin')).toHaveLength(1))
    expect(cloud.calls('camp.editCheckin')[0]).toMatchObject({ day: '2026-11-23', text: '新的内容' })
  })

  it('should keep the draft across a reload and clear it after the check-in is sent', async () => {
    const cloud = fakeCloud({
      'identity.me': me,
      'camp.today': ok(todayView()),
      'camp.checkin': ok(todayView({ canCheckIn: false, checkin: checkinView() })),
    })
    const first = render(<TodayPage />)
    await typeInto('checkin-text', '写到一半的打卡')
    first.unmount()

    const second = render(<TodayPage />)
    await waitFor(() => expect((byId('checkin-text') as HTMLTextAreaElement).value).toBe('写到一半的打卡'))
    fireEvent.click(byId('checkin-submit'))
    await waitFor(() => expect(cloud.calls('camp.checkin')).toHaveLength(1))
    await findById('my-checkin')
    second.unmount()
    expect(localStorage.length).toBe(0)

    render(<TodayPage />)
    await waitFor(() => expect((byId('checkin-text') as HTMLTextAreaElement).value).toBe(''))
  })

  it('should refuse a photo over the limit and a file that is not an image, with the reason, uploading nothing', async () => {
    fakeCloud({ 'identity.me': me, 'camp.today': ok(todayView()) })
    render(<TodayPage />)

    await pick([bigPhoto()])
    await answerModal('第 1 张图片有 12 MB，超过 10 MB，请压缩后再上传', true)
    await pick([new File(['%PDF'], 'notes.pdf', { type: 'application/pdf' })])
    await answerModal('第 1 个文件不是图片，请选择 JPG、PNG、GIF 或 WEBP 格式的照片', true)
    expect(uploads.paths).toHaveLength(0)
  })
})
