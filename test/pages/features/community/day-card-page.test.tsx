/**
 * 日签 page (H5 build): loads the member's card, draws it on an HTML canvas (jsdom draws nothing: the 2d context
 * records its calls and the images "load" at once, or fail when the test says so), saves it (H5: opens it full size),
 * shares it as a card that opens the camp with the member's code, and offers 重试 on a load or a drawing failure.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { DayCardView } from '@cloud/contracts/community'
import DayCardPage from '@/features/community/pages/day-card/index'
import TodayPage from '@/features/camp/pages/today/index'
import { refreshMe } from '@/shared/session'
import { transport } from '@/shared/cloud/call'
import { byId, deferred, fail, fakeCloud, findById, findToast, ok, setRouteParams } from '../mall/support'
import { checkinView, todayView } from '../camp/fixtures'
import { captureShares } from '../share/support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const QR_URL = 'http://127.0.0.1:1/files/invite-posters/XMAMA2.png'
const COVER_URL = 'http://127.0.0.1:1/files/covers/c.png'

const cardView = (over: Partial<DayCardView> = {}): DayCardView => ({
  periodId: 'p1',
  campId: 'c1',
  campTitle: '英语口语 21 天打卡营',
  periodTitle: '英语口语 21 天打卡营 · 第 1 期',
  day: '2026-11-24',
  dayIndex: 2,
  lengthDays: 21,
  theme: '自我介绍',
  streak: 2,
  text: '今天读了 20 分钟英语绘本',
  nickname: '小明妈妈',
  cover: { fileId: 'cloud://local-dev.x/covers/c.png', url: COVER_URL },
  code: 'XMAMA2',
  qrFileId: 'cloud://local-dev.x/invite-posters/XMAMA2.png',
  qrUrl: QR_URL,
  ...over,
})

type Call = [string, ...unknown[]]

/** A recording 2d context; `failing` image URLs fire onerror instead of onload. */
function fakeCanvas(failing: Set<string> = new Set()) {
  const drawn: Call[] = []
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (target, key: string) => (key in target ? target[key] : (...args: unknown[]) => void drawn.push([key, ...args])),
    set: (target, key: string, value) => ((target[key] = value), true),
  })
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D)
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,DAYCARD')
  jest.spyOn(HTMLImageElement.prototype, 'src', 'set').mockImplementation(function (this: HTMLImageElement, value: string) {
    this.setAttribute('src', value)
    setTimeout(() => (failing.has(value) ? this.onerror?.(new Event('error')) : this.onload?.(new Event('load'))))
  })
  return {
    drawn,
    texts: () => drawn.filter(([op]) => op === 'fillText').map(([, text]) => text),
    images: () =>
      drawn.filter(([op]) => op === 'drawImage').map(([, img, ...rest]) => [(img as HTMLImageElement).getAttribute('src'), ...rest]),
  }
}

const drawnImage = async () => {
  const image = await findById('day-card-image')
  await waitFor(() =>
    expect(image.querySelector('img')?.getAttribute('src') ?? image.getAttribute('src')).toBe('data:image/png;base64,DAYCARD'),
  )
}

afterEach(() => {
  document.querySelectorAll('.preview-image').forEach((el) => el.remove())
  jest.restoreAllMocks()
})

describe('日签 page', () => {
  beforeEach(() => setRouteParams({ periodId: 'p1' }))

  it('should show 日签生成中 until the card answers, then draw day, task, streak, own line, name, cover and code', async () => {
    const canvas = fakeCanvas()
    const pending = deferred()
    const cloud = fakeCloud({ 'community.dayCard': pending.reply, 'invites.myCode': ok({ code: 'XMAMA2' }) })
    render(<DayCardPage />)

    expect(screen.getByText('日签生成中…')).toBeTruthy()
    pending.release(ok(cardView()))
    await drawnImage()
    expect(cloud.calls('community.dayCard')).toEqual([{ action: 'dayCard', periodId: 'p1' }])
    expect(canvas.texts()).toEqual(
      expect.arrayContaining([
        '第 2 天',
        '2026-11-24 · 英语口语 21 天打卡营',
        '今日任务：自我介绍',
        '已连续打卡 2 天',
        '“今天读了 20 分钟英语绘本”',
        '— 小明妈妈',
        '长按识别小程序码',
      ]),
    )
    // The cover across the top band, the code whole at its own place (600 × 960 card, 200 × 200 code).
    const images = canvas.images()
    expect(images.find(([src]) => src === COVER_URL)?.slice(-4)).toEqual([0, 0, 600, 320])
    expect(images.find(([src]) => src === QR_URL)?.slice(1)).toEqual([360, 720, 200, 200])
    // The code never appears as text.
    expect(canvas.texts().join('')).not.toContain('XMAMA2')
    expect(document.body.textContent).not.toContain('XMAMA2')
    expect(byId('save-day-card').hasAttribute('disabled')).toBe(false)
  })

  it('should ask for the day the route names', async () => {
    fakeCanvas()
    setRouteParams({ periodId: 'p1', day: '2026-11-23' })
    const cloud = fakeCloud({
      'community.dayCard': ok(cardView({ day: '2026-11-23', dayIndex: 1 })),
      'invites.myCode': ok({ code: 'XMAMA2' }),
    })
    render(<DayCardPage />)

    await drawnImage()
    expect(cloud.calls('community.dayCard')).toEqual([{ action: 'dayCard', periodId: 'p1', day: '2026-11-23' }])
  })

  it('should draw a primary band when the camp has no cover, and leave out an empty text line', async () => {
    const canvas = fakeCanvas()
    fakeCloud({ 'community.dayCard': ok(cardView({ cover: null, text: '', theme: '' })), 'invites.myCode': ok({ code: 'XMAMA2' }) })
    render(<DayCardPage />)

    await drawnImage()
    expect(canvas.images().map(([src]) => src)).toEqual([QR_URL])
    expect(canvas.drawn.filter(([op]) => op === 'fillRect')).toContainEqual(['fillRect', 0, 0, 600, 320])
    expect(canvas.texts()).toContain('共 21 天，今天完成了第 2 天')
    expect(canvas.texts().some((t) => String(t).startsWith('“'))).toBe(false)
  })

  it('should save the drawn card: H5 opens it full size, where a long press saves it', async () => {
    fakeCanvas()
    fakeCloud({ 'community.dayCard': ok(cardView()), 'invites.myCode': ok({ code: 'XMAMA2' }) })
    render(<DayCardPage />)

    await drawnImage()
    expect(byId('save-day-card').textContent).toBe('查看大图（长按保存）')
    fireEvent.click(byId('save-day-card'))
    await findToast('长按图片即可保存或转发')
    const shown = document.querySelector<HTMLImageElement>('.preview-image img')
    expect(shown?.getAttribute('src')).toBe('data:image/png;base64,DAYCARD')
  })

  it('should show why the card cannot be made and load again on 重试', async () => {
    fakeCanvas()
    let tries = 0
    fakeCloud({
      'community.dayCard': () =>
        ++tries === 1 ? fail('COMMUNITY.DAY_CARD_NOT_CHECKED', '这一天还没有打卡，打卡后才能生成日签') : ok(cardView()),
      'invites.myCode': ok({ code: 'XMAMA2' }),
    })
    render(<DayCardPage />)

    expect(await screen.findByText('这一天还没有打卡，打卡后才能生成日签')).toBeTruthy()
    fireEvent.click(await findById('retry'))
    await drawnImage()
    expect(tries).toBe(2)
  })

  it('should say so when the drawing fails (the code image did not load) and draw again on 重试', async () => {
    const failing = new Set([QR_URL])
    fakeCanvas(failing)
    fakeCloud({ 'community.dayCard': ok(cardView()), 'invites.myCode': ok({ code: 'XMAMA2' }) })
    render(<DayCardPage />)

    expect(await screen.findByText('日签绘制失败，请重试')).toBeTruthy()
    expect(byId('save-day-card').hasAttribute('disabled')).toBe(true)
    failing.clear()
    fireEvent.click(byId('redraw'))
    await drawnImage()
    expect(screen.queryByText('日签绘制失败，请重试')).toBeNull()
  })

  it('should share a card that opens the camp with the member’s own code, and answering it calls nothing', async () => {
    fakeCanvas()
    const shares = captureShares()
    fakeCloud({ 'community.dayCard': ok(cardView()) })
    render(<DayCardPage />)

    await drawnImage()
    const before = jest.mocked(transport).mock.calls.length
    const card = shares.chat?.() as { title: string; path: string; imageUrl?: string }
    expect(jest.mocked(transport).mock.calls.length).toBe(before)
    expect(card.path).toBe('/features/camp/pages/detail/index?campId=c1&periodId=p1&inviter=XMAMA2')
    expect(card.title).toBe('我在「英语口语 21 天打卡营」打卡第 2 天，已连续 2 天！')
    // Only community.dayCard was called: no myCode, no reward call.
    expect(jest.mocked(transport).mock.calls.map(([name, data]) => `${name}.${String(data.action)}`)).toEqual(['community.dayCard'])
  })

  it('should open the shared card’s page with the code when 转发 is tapped in H5 (no share sheet there)', async () => {
    fakeCanvas()
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    fakeCloud({ 'community.dayCard': ok(cardView()), 'invites.myCode': ok({ code: 'XMAMA2' }) })
    render(<DayCardPage />)

    fireEvent.click(await findById('share-day-card'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/camp/pages/detail/index?campId=c1&periodId=p1&inviter=XMAMA2' })
  })
})

describe('生成日签 on the today page', () => {
  const me = ok({ openid: 'm-01', nickname: '小明', isAdmin: false, isTeacher: false })
  beforeEach(() => {
    refreshMe()
    localStorage.clear()
    setRouteParams({ periodId: 'p1' })
  })

  it('should appear once today is checked in and open the 日签 page', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    fakeCloud({ 'identity.me': me, 'camp.today': ok(todayView({ checkin: checkinView(), canCheckIn: false })) })
    render(<TodayPage />)

    fireEvent.click(await findById('make-day-card'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/community/pages/day-card/index?periodId=p1' })
  })

  it('should not appear before today’s check-in', async () => {
    fakeCloud({ 'identity.me': me, 'camp.today': ok(todayView()) })
    render(<TodayPage />)

    expect(await findById('task-theme')).toBeTruthy()
    expect(document.getElementById('make-day-card')).toBeNull()
  })
})
