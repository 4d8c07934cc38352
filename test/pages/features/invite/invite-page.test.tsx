import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import InvitePage from '@/features/invite/pages/index/index'
import { byId, deferred, fail, fakeCloud, findById, findToast, ok } from '../mall/support'
import { posterView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('邀请好友 page', () => {
  it('should show 海报生成中 until the poster answers, then the name, the code image, the code and the rules', async () => {
    const pending = deferred()
    fakeCloud({ 'invites.poster': pending.reply })
    render(<InvitePage />)

    expect(screen.getByText('海报生成中…')).toBeTruthy()
    pending.release(ok(posterView()))
    expect(await screen.findByText('小明妈妈')).toBeTruthy()
    expect(byId('invite-qr').getAttribute('src')).toBe('http://127.0.0.1:1/files/XMAMA2.png')
    expect(byId('invite-code').textContent).toContain('XMAMA2')
    const rules = byId('invite-rules').textContent ?? ''
    expect(rules).toContain('奖励在好友完成首次打卡或报名免费课后发放')
    expect(rules).toContain('每日上限 5 人')
    expect(rules).toContain('分享本身不计奖励')
  })

  it('should open the whole poster full size on H5 (not the bare code) so a long press saves it', async () => {
    // jsdom loads no images and draws nothing: the code "loads" at once and the 2d context records its calls.
    const drawn: unknown[][] = []
    const ctx = new Proxy({} as Record<string, unknown>, {
      get: (target, key: string) => (key in target ? target[key] : (...args: unknown[]) => void drawn.push([key, ...args])),
      set: (target, key: string, value) => ((target[key] = value), true),
    })
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D)
    jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,POSTER')
    jest.spyOn(HTMLImageElement.prototype, 'src', 'set').mockImplementation(function (this: HTMLImageElement, value: string) {
      this.setAttribute('src', value)
      setTimeout(() => this.onload?.(new Event('load')))
    })
    fakeCloud({ 'invites.poster': ok(posterView()) })
    render(<InvitePage />)

    fireEvent.click(await findById('save-poster'))
    await findToast('长按图片即可保存或转发')
    const shown = document.querySelector<HTMLImageElement>('.preview-image img')
    expect(shown?.getAttribute('src')).toBe('data:image/png;base64,POSTER')
    // The code is drawn whole, centred on the 600-wide poster: left 120, 360 × 360.
    expect(drawn.find(([call]) => call === 'drawImage')?.slice(2)).toEqual([120, 210, 360, 360])
    expect(drawn.filter(([call]) => call === 'fillText').map(([, text]) => text)).toEqual(
      expect.arrayContaining(['小明妈妈', '邀请码 XMAMA2']),
    )
    shown?.closest('.preview-image')?.remove()
    jest.restoreAllMocks()
  })

  it('should show the code in a box it fills exactly, not an aspectFit image the centred card pushes right', async () => {
    fakeCloud({ 'invites.poster': ok(posterView()) })
    render(<InvitePage />)

    const qr = await findById('invite-qr')
    // Taro's <Image> web component renders its inner <img> a tick after the element appears.
    await waitFor(() => expect(qr.querySelector('img')?.className).toContain('taro-img__mode-scaletofill'))
  })

  it('should say so and disable saving when the code image cannot be shown', async () => {
    fakeCloud({ 'invites.poster': ok(posterView({ qrUrl: null })) })
    render(<InvitePage />)

    expect(await screen.findByText('小程序码暂时无法显示，请下拉刷新')).toBeTruthy()
    expect(byId('save-poster').hasAttribute('disabled')).toBe(true)
  })

  it('should show why the poster failed and try again on 重试', async () => {
    let tries = 0
    fakeCloud({
      'invites.poster': () => (++tries === 1 ? fail('INVITE.POSTER_FAILED', '海报生成失败，请稍后重试') : ok(posterView())),
    })
    render(<InvitePage />)

    expect(await screen.findByText('海报生成失败，请稍后重试')).toBeTruthy()
    fireEvent.click(await findById('retry'))
    expect(await screen.findByText('小明妈妈')).toBeTruthy()
  })
})
