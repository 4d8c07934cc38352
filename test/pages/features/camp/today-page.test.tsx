import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import TodayPage from '@/features/camp/pages/today/index'
import { refreshMe } from '@/shared/session'
import { byId, deferred, fail, fakeCloud, findById, findToast, ok, setRouteParams, typeInto } from '../mall/support'
import { checkinView, fakeUploads, todayView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const me = ok({ openid: 'm-01', nickname: '小明', isAdmin: false, isTeacher: false })

/**
 * Answers Taro H5's real chooseMedia: it opens a hidden file input; the test "picks" files on it. jsdom loads no
 * images and draws no canvas, so the picked images report as already loaded and the thumbnail is a stub.
 */
async function pickPhotos(n: number) {
  jest.spyOn(HTMLImageElement.prototype, 'complete', 'get').mockReturnValue(true)
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/jpeg;base64,')
  fireEvent.click(await findById('photo-add'))
  const input = await waitFor(() => {
    const el = document.getElementById('taroChooseMedia')
    if (!el) throw new Error('no picker')
    return el as HTMLInputElement
  })
  const files = Array.from({ length: n }, (_, i) => new File(['x'], `photo-${i}.jpg`, { type: 'image/jpeg' }))
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  fireEvent.change(input)
}

describe('今日打卡 page', () => {
  let uploads: ReturnType<typeof fakeUploads>
  beforeEach(() => {
    refreshMe()
    // Drafts are kept in local storage across pages (draft-store.ts): each test starts without one.
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

  it("should show 加载中, then today's task and my progress", async () => {
    const pending = deferred()
    fakeCloud({ 'identity.me': me, 'camp.today': pending.reply })
    render(<TodayPage />)

    expect(screen.getByText('加载中…')).toBeTruthy()
    pending.release(ok(todayView()))
    expect((await findById('task-theme')).textContent).toBe('自我介绍')
    expect(byId('stat-checked').textContent).toBe('1/5')
  })

  it('should show my streak tier and badges by their labels, and nothing of them when there are none', async () => {
    const view = todayView({
      currentStreak: 8,
      tier: { label: '连续 7 天 ×1.2', multiplier: 1.2 },
      badges: [
        { value: 'streak_7', label: '坚持 7 天' },
        { value: 'first_featured', label: '首次精选' },
      ],
    })
    fakeCloud({ 'identity.me': me, 'camp.today': ok(view) })
    const { unmount } = render(<TodayPage />)
    const strip = await findById('today-badges')
    expect(strip.textContent).toBe('连续 7 天 ×1.2坚持 7 天首次精选')
    expect(strip.textContent).not.toContain('streak_7')
    unmount()

    fakeCloud({ 'identity.me': me, 'camp.today': ok(todayView()) })
    render(<TodayPage />)
    await findById('task-theme')
    expect(document.getElementById('today-badges')).toBeNull()
  })

  it('should offer the team PK board to a member on a team and their team’s day to a leader only', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    fakeCloud({ 'identity.me': me, 'camp.today': ok(todayView()) })
    const plain = render(<TodayPage />)
    await findById('task-theme')
    expect(document.getElementById('link-team-board')).toBeNull()
    expect(document.getElementById('link-team-day')).toBeNull()
    plain.unmount()

    fakeCloud({ 'identity.me': me, 'camp.today': ok(todayView({ team: { onTeam: true, leads: false } })) })
    const member = render(<TodayPage />)
    fireEvent.click(await findById('link-team-board'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/community/pages/board/index?periodId=p1' })
    expect(document.getElementById('link-team-day')).toBeNull()
    member.unmount()

    fakeCloud({ 'identity.me': me, 'camp.today': ok(todayView({ team: { onTeam: true, leads: true } })) })
    render(<TodayPage />)
    fireEvent.click(await findById('link-team-day'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/community/pages/team-day/index?periodId=p1' })
  })

  it('should show the function error message', async () => {
    fakeCloud({ 'identity.me': me, 'camp.today': fail('CAMP.NOT_FOUND', '打卡营不存在') })
    render(<TodayPage />)

    expect(await screen.findByText('打卡营不存在')).toBeTruthy()
  })

  it('should invite a member who has not joined to sign up', async () => {
    fakeCloud({ 'identity.me': me, 'camp.today': ok(todayView({ joined: false, canCheckIn: false })) })
    render(<TodayPage />)

    expect(await screen.findByText('你还没有加入这一期打卡营')).toBeTruthy()
  })

  it('should send the text and the uploaded photo fileIDs, then show the points earned', async () => {
    const done = todayView({ checkin: checkinView({ points: 20, content: { text: 'x', images: [], voice: null } }), canCheckIn: false })
    const cloud = fakeCloud({ 'identity.me': me, 'camp.today': ok(todayView()), 'camp.checkin': ok(done) })
    render(<TodayPage />)

    await typeInto('checkin-text', '  今天读了第二课  ')
    await pickPhotos(2)
    await waitFor(() => expect(uploads.paths).toHaveLength(2))
    await waitFor(() => expect(document.getElementById('upload-progress')).toBeNull())
    fireEvent.click(byId('checkin-submit'))

    expect((await findById('result-points')).textContent).toBe('+20 积分')
    const [sent] = cloud.calls('camp.checkin')
    expect(sent).toEqual({
      action: 'checkin',
      periodId: 'p1',
      text: '今天读了第二课',
      images: uploads.paths.map((p) => `cloud://dev.bucket/${p}`),
      voice: null,
    })
    expect(uploads.paths.every((p) => p.startsWith('checkins/m-01/p1/'))).toBe(true)
  })

  it('should block text over 1000 characters before calling', async () => {
    const cloud = fakeCloud({ 'identity.me': me, 'camp.today': ok(todayView()), 'camp.checkin': ok(todayView()) })
    render(<TodayPage />)

    await typeInto('checkin-text', '读'.repeat(1001))
    fireEvent.click(byId('checkin-submit'))

    await findToast('文字不能超过 1000 字')
    expect(byId('checkin-count').className).toContain('composer__count--over')
    expect(cloud.calls('camp.checkin')).toHaveLength(0)
  })

  it('should keep only 9 photos when more are picked', async () => {
    fakeCloud({ 'identity.me': me, 'camp.today': ok(todayView()) })
    render(<TodayPage />)

    await pickPhotos(10)

    await findToast('最多上传 9 张图片')
    await waitFor(() => expect(uploads.paths).toHaveLength(9))
    expect(document.getElementById('photo-add')).toBeNull()
  })

  it('should refuse an empty check-in without calling', async () => {
    const cloud = fakeCloud({ 'identity.me': me, 'camp.today': ok(todayView()), 'camp.checkin': ok(todayView()) })
    render(<TodayPage />)

    fireEvent.click(await findById('checkin-submit'))

    await findToast('请填写打卡内容')
    expect(cloud.calls('camp.checkin')).toHaveLength(0)
  })

  it('should show the refusal message of the function', async () => {
    fakeCloud({ 'identity.me': me, 'camp.today': ok(todayView()), 'camp.checkin': fail('CAMP.OUTSIDE_WINDOW', '现在不在打卡时间内') })
    render(<TodayPage />)

    await typeInto('checkin-text', '打卡')
    fireEvent.click(byId('checkin-submit'))

    await findToast('现在不在打卡时间内')
  })

  it('should send one check-in for two taps in one frame, and show today as checked in when a retry finds it done', async () => {
    let todayCalls = 0
    const cloud = fakeCloud({
      'identity.me': me,
      'camp.today': () => ok(todayCalls++ === 0 ? todayView() : todayView({ checkin: checkinView() })),
      'camp.checkin': fail('CAMP.ALREADY_CHECKED_IN', '今天已经打过卡了'),
    })
    render(<TodayPage />)
    await typeInto('checkin-text', '打卡')
    const submit = byId('checkin-submit')
    act(() => {
      submit.click()
      submit.click()
    })
    await findToast('今天已经打过卡了')
    await waitFor(() => expect(cloud.calls('camp.today')).toHaveLength(2))
    expect(cloud.calls('camp.checkin')).toHaveLength(1)
  })

  it('should edit the same day check-in with editCheckin', async () => {
    const existing = checkinView({ day: '2026-11-24' })
    const cloud = fakeCloud({
      'identity.me': me,
      'camp.today': ok(todayView({ checkin: existing, canCheckIn: false })),
      'camp.editCheckin': ok(todayView({ checkin: existing, canCheckIn: false })),
    })
    render(<TodayPage />)

    fireEvent.click(await findById('checkin-edit'))
    await typeInto('checkin-text', '改过的内容')
    fireEvent.click(byId('checkin-submit'))

    await findToast('已修改')
    expect(cloud.calls('camp.editCheckin')).toEqual([
      { action: 'editCheckin', periodId: 'p1', day: '2026-11-24', text: '改过的内容', images: [], voice: null },
    ])
  })

  it('should report the accepted reminder template after a check-in', async () => {
    const done = todayView({ checkin: checkinView(), canCheckIn: false, reminderTime: '20:00' })
    const cloud = fakeCloud({
      'identity.me': me,
      'camp.today': ok(todayView()),
      'camp.checkin': ok(done),
      'camp.subscribed': ok({ credits: 1, reminderTime: '20:00', nextReminderAt: null }),
    })
    render(<TodayPage />)

    await typeInto('checkin-text', '打卡')
    fireEvent.click(byId('checkin-submit'))
    fireEvent.click(await findById('subscribe-reminder'))

    await findToast('明天 20:00 提醒你打卡')
    const [sent] = cloud.calls('camp.subscribed')
    expect(sent).toEqual({ action: 'subscribed', periodId: 'p1', accepted: ['tpl-camp-checkin-reminder'], requestId: expect.any(String) })
  })
})
