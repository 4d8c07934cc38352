/** The period admin page lists the groups bound from inside them (never their ids), unbinds one after confirming, and shares the period card. */
import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import PeriodAdminPage from '@/features/camp-admin/pages/period/index'
import PeriodFormPage from '@/features/camp-admin/pages/period-form/index'
import { refreshMe } from '@/shared/session'
import { forgetInviteCode } from '@/shared/share/use-share'
import { answerModal, byId, fakeCloud, findById, findToast, modalClosed, ok, setRouteParams } from '../mall/support'
import { adminCampView, adminMe, periodDoc } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const TWO = [
  { groupId: 'G_one', boundAt: Date.UTC(2026, 10, 20, 4) },
  { groupId: 'G_two', boundAt: Date.UTC(2026, 10, 21, 4) },
]

describe('期次管理 · 打卡群', () => {
  beforeEach(async () => {
    refreshMe()
    forgetInviteCode()
    setRouteParams({ campId: 'c1', periodId: 'p1' })
    await modalClosed()
  })
  afterEach(() => jest.restoreAllMocks())

  it('should show how many groups are bound and unbind one after confirming', async () => {
    let groups = TWO
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'invites.myCode': ok({ code: 'AB23CD' }),
      'camp.adminCamp': () => ok(adminCampView([periodDoc({ boundGroups: groups })])),
      'camp.unbindGroup': () => ((groups = TWO.slice(1)), ok({ periodId: 'p1', boundGroups: groups })),
    })
    const view = render(<PeriodAdminPage />)

    expect((await findById('pa-groups')).textContent).toContain('已绑定 2 个')
    expect(byId('pa-group-0').textContent).toContain('打卡群 1')
    expect(byId('pa-group-0').textContent).toContain('2026-11-20 绑定')
    expect(view.container.textContent).not.toContain('G_one')

    fireEvent.click(byId('pa-group-0'))
    await answerModal('解绑后从「打卡群 1」打开打卡不再获得积分加倍。确认解绑？', true)
    await findToast('已解绑')
    expect(cloud.calls('camp.unbindGroup')).toEqual([{ action: 'unbindGroup', periodId: 'p1', groupId: 'G_one' }])
    await findById('pa-groups')
    expect(byId('pa-groups').textContent).toContain('已绑定 1 个')
  })

  it('should say 未绑定 and tell how to bind without typing an id', async () => {
    fakeCloud({
      'identity.me': adminMe,
      'invites.myCode': ok({ code: 'AB23CD' }),
      'camp.adminCamp': ok(adminCampView([periodDoc({ boundGroups: [] })])),
    })
    render(<PeriodAdminPage />)
    expect((await findById('pa-groups')).textContent).toContain('未绑定')
    expect(byId('pa-groups-note').textContent).toContain('点「绑定此群」')
  })

  it('should open the period card (what the group sees) from 分享到打卡群 in local mode, with the sharer code', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    fakeCloud({
      'identity.me': adminMe,
      'invites.myCode': ok({ code: 'AB23CD' }),
      'camp.adminCamp': ok(adminCampView()),
    })
    render(<PeriodAdminPage />)
    fireEvent.click(await findById('pa-share'))
    await waitFor(() =>
      expect(navigateTo).toHaveBeenCalledWith({ url: '/features/camp/pages/detail/index?campId=c1&periodId=p1&inviter=AB23CD' }),
    )
  })
})

describe('期次设置 form', () => {
  it('should have no field to type a group id', async () => {
    refreshMe()
    setRouteParams({ campId: 'c1', periodId: 'p1' })
    fakeCloud({ 'identity.me': adminMe, 'camp.adminCamp': ok(adminCampView()) })
    const view = render(<PeriodFormPage />)
    expect((await findById('p-group-note')).textContent).toContain('绑定此群')
    expect(document.getElementById('p-group')).toBeNull()
    expect(view.container.textContent).not.toContain('opengid')
  })
})
