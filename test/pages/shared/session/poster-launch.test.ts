import { claimWarmInvite, identifyIfFromPoster, refreshMe } from '@/shared/session'
import { openIdentity, posterCodeOf } from '@/shared/session/poster-launch'
import { waitFor } from '@testing-library/react'
import { fail, fakeCloud, ok } from '../../features/mall/support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const launchAt = (url: string) => window.history.replaceState(null, '', url)
const ME = { openid: 'dev-member-12', nickname: '', isAdmin: false, isTeacher: false }

afterEach(() => launchAt('/'))

describe('posterCodeOf', () => {
  it.each([
    ['i=XMAMA2', 'XMAMA2'],
    ['i%3DXMAMA2', 'XMAMA2'],
    ['xmama2', 'XMAMA2'],
  ])('should read the code out of %s', (scene, code) => {
    expect(posterCodeOf(scene)).toBe(code)
  })

  it.each([null, '', 'i=', 'i=<script>', '%E0%A4%A'])('should find no code in %j', (scene) => {
    expect(posterCodeOf(scene)).toBeNull()
  })
})

describe('openIdentity', () => {
  it('should open with the poster code and claim it when the app was launched from a poster', async () => {
    launchAt('/?scene=i%3DXMAMA2#/pages/home/index')
    const cloud = fakeCloud({ 'identity.open': ok(ME), 'invites.claim': ok({ code: 'XMAMA2', status: 'pending', claimedAt: 1 }) })

    expect(await openIdentity()).toEqual(ok(ME))
    expect(cloud.calls('identity.open')).toEqual([{ action: 'open', channel: 'poster', posterCode: 'XMAMA2' }])
    expect(cloud.calls('invites.claim')).toEqual([{ action: 'claim', code: 'XMAMA2' }])
  })

  it('should read the scene inside the hash too', async () => {
    launchAt('/#/pages/home/index?scene=i%3DKKBB23')
    const cloud = fakeCloud({ 'identity.open': ok(ME), 'invites.claim': fail('INVITE.NOT_NEW', '仅新用户可以接受邀请') })

    expect(await openIdentity()).toEqual(ok(ME))
    expect(cloud.calls('invites.claim')).toEqual([{ action: 'claim', code: 'KKBB23' }])
  })

  it('should just ask who this is on an ordinary launch, and claim nothing when open fails', async () => {
    const cloud = fakeCloud({ 'identity.me': ok(ME) })
    expect(await openIdentity()).toEqual(ok(ME))
    expect(cloud.calls('identity.me')).toHaveLength(1)

    launchAt('/?scene=i%3DXMAMA2')
    const failing = fakeCloud({ 'identity.open': fail('SYS.INTERNAL', '系统繁忙，请稍后再试') })
    expect((await openIdentity()).code).toBe('SYS.INTERNAL')
    expect(failing.calls('invites.claim')).toHaveLength(0)
  })
})

describe('identifyIfFromPoster', () => {
  beforeEach(() => refreshMe())

  it('should identify at launch only when the launch came from a poster', async () => {
    const ordinary = fakeCloud({ 'identity.me': ok(ME) })
    identifyIfFromPoster()
    expect(ordinary.calls('identity.me')).toHaveLength(0)

    launchAt('/?scene=i%3DXMAMA2')
    const fromPoster = fakeCloud({ 'identity.open': ok(ME), 'invites.claim': ok({ code: 'XMAMA2', status: 'pending', claimedAt: 1 }) })
    identifyIfFromPoster()
    await waitFor(() => expect(fromPoster.calls('invites.claim')).toHaveLength(1))
  })
})

describe('a launch from a shared card', () => {
  beforeEach(() => refreshMe())

  it('should open with channel share and the sharer code, then claim it — the poster path', async () => {
    launchAt('/#/features/camp/pages/detail/index?campId=c1&periodId=p1&inviter=ab23cd')
    const cloud = fakeCloud({ 'identity.open': ok(ME), 'invites.claim': ok({ code: 'AB23CD', status: 'pending', claimedAt: 1 }) })

    expect(await openIdentity()).toEqual(ok(ME))
    expect(cloud.calls('identity.open')).toEqual([{ action: 'open', channel: 'share', posterCode: 'AB23CD' }])
    expect(cloud.calls('invites.claim')).toEqual([{ action: 'claim', code: 'AB23CD' }])
  })

  it('should identify at launch from a shared card, but not in Moments 单页模式 (no login there)', async () => {
    launchAt('/?singlePage=1#/features/camp/pages/detail/index?campId=c1&inviter=AB23CD')
    const single = fakeCloud({})
    identifyIfFromPoster()
    expect(single.calls('identity.open')).toHaveLength(0)

    launchAt('/#/features/camp/pages/detail/index?campId=c1&inviter=AB23CD')
    const shared = fakeCloud({ 'identity.open': ok(ME), 'invites.claim': ok({ code: 'AB23CD', status: 'pending', claimedAt: 1 }) })
    identifyIfFromPoster()
    await waitFor(() => expect(shared.calls('invites.claim')).toHaveLength(1))
  })

  it('should claim a warm show from a card once per code, and never the launch code again', async () => {
    launchAt('/#/features/camp/pages/detail/index?campId=c1&inviter=AB23CD')
    const cloud = fakeCloud({
      'identity.open': ok(ME),
      'invites.claim': fail('INVITE.NOT_NEW', '仅新用户可以接受邀请'),
    })
    await claimWarmInvite({ inviter: 'AB23CD' })
    await claimWarmInvite({ inviter: 'KKBB23', materialId: 'm1' })
    await claimWarmInvite({ inviter: 'KKBB23' })
    await claimWarmInvite({ materialId: 'm1' })
    expect(cloud.calls('invites.claim')).toEqual([
      { action: 'claim', code: 'AB23CD' },
      { action: 'claim', code: 'KKBB23' },
    ])
  })
})
