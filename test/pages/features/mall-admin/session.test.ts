import { loadMe, refreshMe } from '@/shared/session'
import { fakeCloud, ok } from '../mall/support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const me = ok({ openid: 'o1', nickname: '小明', isAdmin: false, isTeacher: false })

describe('session', () => {
  beforeEach(() => refreshMe())

  it('should call identity.me once for any number of readers', async () => {
    const cloud = fakeCloud({ 'identity.me': me })

    const [a, b] = await Promise.all([loadMe(), loadMe()])
    await loadMe()

    expect(a).toEqual({ openid: 'o1', nickname: '小明', isAdmin: false, isTeacher: false })
    expect(b).toBe(a)
    expect(cloud.calls('identity.me')).toHaveLength(1)
  })

  it('should ask again after refreshMe', async () => {
    const cloud = fakeCloud({ 'identity.me': me })

    await loadMe()
    refreshMe()
    await loadMe()

    expect(cloud.calls('identity.me')).toHaveLength(2)
  })

  it('should not cache a failed call', async () => {
    let calls = 0
    fakeCloud({ 'identity.me': () => (++calls === 1 ? { code: 'SYS.ERROR', message: '系统繁忙' } : me) })

    expect(await loadMe()).toBeNull()
    expect(await loadMe()).toEqual({ openid: 'o1', nickname: '小明', isAdmin: false, isTeacher: false })
  })
})
