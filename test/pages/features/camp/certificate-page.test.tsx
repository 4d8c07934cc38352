import { render, screen } from '@testing-library/react'
import CertificatePage from '@/features/camp/pages/certificate/index'
import { deferred, fail, fakeCloud, findById, ok, setRouteParams } from '../mall/support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const cert = {
  no: '03-0ABCDEF',
  periodId: 'p1',
  campId: 'c1',
  periodIndex: 3,
  memberId: 'm-01',
  checkedDays: 6,
  lengthDays: 7,
  bestStreak: 5,
  startDay: '2026-11-23',
  endDay: '2026-11-29',
  issuedDay: '2026-11-30',
  campTitle: '21 天英语口语打卡',
  nickname: '小明',
  avatarFileId: '',
}

describe('结营证书 page', () => {
  beforeEach(() => setRouteParams({ periodId: 'p1' }))

  it('should show 加载中, then the certificate with the name, days and number', async () => {
    const pending = deferred()
    fakeCloud({ 'camp.certificate': pending.reply })
    render(<CertificatePage />)

    expect(screen.getByText('加载中…')).toBeTruthy()
    pending.release(ok(cert))
    const card = await findById('certificate')
    expect(card.textContent).toContain('21 天英语口语打卡')
    expect(card.textContent).toContain('坚持打卡 6 天，最长连续 5 天')
    expect(card.textContent).toContain('证书编号 03-0ABCDEF')
    expect((await findById('cert-name')).textContent).toBe('小明')
  })

  it('should say why there is no certificate yet', async () => {
    fakeCloud({ 'camp.certificate': fail('CAMP.CERTIFICATE_NOT_READY', '结营后才能领取证书') })
    render(<CertificatePage />)

    expect(await screen.findByText('结营后才能领取证书')).toBeTruthy()
  })
})
