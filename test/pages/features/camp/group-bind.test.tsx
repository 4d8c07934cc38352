/**
 * 绑定此群 on the period's card opened inside a group chat: operators only, the group only as a fresh CloudID (the
 * camp function resolves it), confirmation first, and the page never shows a group id.
 */
import { fireEvent, render, waitFor } from '@testing-library/react'
import CampDetailPage from '@/features/camp/pages/detail/index'
import { refreshMe } from '@/shared/session'
import { answerModal, byId, fail, fakeCloud, findById, findToast, modalClosed, ok, setRouteParams } from '../mall/support'
import { campView, periodView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))
const mockProof = jest.fn<Promise<unknown>, []>()
jest.mock('@/features/camp/group-proof', () => ({ groupProof: () => mockProof() }))

const ADMIN = ok({ openid: 'dev-admin', nickname: '运营小王', isAdmin: true, isTeacher: false })
const MEMBER = ok({ openid: 'dev-member-01', nickname: '小明妈妈', isAdmin: false, isTeacher: false })
const binding = (over: Record<string, unknown> = {}) =>
  ok({ periodId: 'p1', periodTitle: '第 1 期 · 7 天', inGroup: true, bound: false, boundCount: 1, maxGroups: 40, ...over })
const PROOF = { cloudID: 'cid-from-group' }

describe('绑定此群 on the period card', () => {
  beforeEach(async () => {
    refreshMe()
    mockProof.mockReset()
    setRouteParams({ campId: 'c1', periodId: 'p1' })
    await modalClosed()
  })

  it('should let an operator inside the group bind it after confirming, sending only the CloudID', async () => {
    mockProof.mockResolvedValue(PROOF)
    const cloud = fakeCloud({
      'identity.me': ADMIN,
      'camp.campDetail': ok(campView({ periods: [periodView()] })),
      'camp.groupBinding': binding(),
      'camp.bindGroup': ok({ ...binding({ bound: true, boundCount: 2 }).data, already: false }),
      'invites.myCode': ok({ code: 'AB23CD' }),
    })
    render(<CampDetailPage />)

    expect((await findById('group-bind-count')).textContent).toContain('已绑定 1 个群')
    fireEvent.click(byId('bind-group'))
    await answerModal('把当前群绑定到第 1 期 · 7 天？群成员从本群打开打卡可获得积分加倍。', true)

    await findToast('已绑定此群')
    expect(cloud.calls('camp.bindGroup')).toEqual([{ action: 'bindGroup', periodId: 'p1', groupCloudId: PROOF }])
    expect(cloud.calls('camp.groupBinding')).toEqual([{ action: 'groupBinding', periodId: 'p1', groupCloudId: PROOF }])
    expect((await findById('group-bound')).textContent).toContain('当前群已绑定')
    expect(byId('group-bind-count').textContent).toContain('已绑定 2 个群')
  })

  it('should bind nothing when the operator cancels', async () => {
    mockProof.mockResolvedValue(PROOF)
    const cloud = fakeCloud({
      'identity.me': ADMIN,
      'camp.campDetail': ok(campView({ periods: [periodView()] })),
      'camp.groupBinding': binding(),
      'invites.myCode': ok({ code: 'AB23CD' }),
    })
    render(<CampDetailPage />)
    fireEvent.click(await findById('bind-group'))
    await answerModal(/绑定到第 1 期/, false)
    await modalClosed()
    expect(cloud.calls('camp.bindGroup')).toHaveLength(0)
  })

  it('should show the function refusal in Chinese', async () => {
    mockProof.mockResolvedValue(PROOF)
    fakeCloud({
      'identity.me': ADMIN,
      'camp.campDetail': ok(campView({ periods: [periodView()] })),
      'camp.groupBinding': binding(),
      'camp.bindGroup': fail('CAMP.GROUP_UNRESOLVED', '未能识别当前群聊，请在群聊里重新打开本期卡片'),
      'invites.myCode': ok({ code: 'AB23CD' }),
    })
    render(<CampDetailPage />)
    fireEvent.click(await findById('bind-group'))
    await answerModal(/绑定到第 1 期/, true)
    await findToast('未能识别当前群聊，请在群聊里重新打开本期卡片')
  })

  it('should show that the group is bound already', async () => {
    mockProof.mockResolvedValue(PROOF)
    fakeCloud({
      'identity.me': ADMIN,
      'camp.campDetail': ok(campView({ periods: [periodView()] })),
      'camp.groupBinding': binding({ bound: true }),
      'invites.myCode': ok({ code: 'AB23CD' }),
    })
    render(<CampDetailPage />)
    expect((await findById('group-bound')).textContent).toContain('当前群已绑定')
    expect(document.getElementById('bind-group')).toBeNull()
  })

  it('should show nothing to a member in the group, and not even ask', async () => {
    mockProof.mockResolvedValue(PROOF)
    const cloud = fakeCloud({
      'identity.me': MEMBER,
      'camp.campDetail': ok(campView({ periods: [periodView()] })),
      'invites.myCode': ok({ code: 'AB23CD' }),
    })
    render(<CampDetailPage />)
    await findById('camp-title')
    await waitFor(() => expect(cloud.calls('identity.me')).toHaveLength(1))
    expect(document.getElementById('group-bind')).toBeNull()
    expect(cloud.calls('camp.groupBinding')).toHaveLength(0)
  })

  it('should show nothing to an operator outside a group, or when the period is not theirs', async () => {
    mockProof.mockResolvedValue(null)
    const outside = fakeCloud({
      'identity.me': ADMIN,
      'camp.campDetail': ok(campView({ periods: [periodView()] })),
      'invites.myCode': ok({ code: 'AB23CD' }),
    })
    const first = render(<CampDetailPage />)
    await findById('camp-title')
    await waitFor(() => expect(mockProof).toHaveBeenCalled())
    expect(outside.calls('camp.groupBinding')).toHaveLength(0)
    first.unmount()

    refreshMe()
    mockProof.mockResolvedValue(PROOF)
    const teacher = ok({ openid: 'dev-teacher-02', nickname: '张老师', isAdmin: false, isTeacher: true })
    const notTheirs = fakeCloud({
      'identity.me': teacher,
      'camp.campDetail': ok(campView({ periods: [periodView()] })),
      'camp.groupBinding': fail('AUTH.NOT_ASSIGNED', '你不是该期的带班老师'),
      'invites.myCode': ok({ code: 'AB23CD' }),
    })
    render(<CampDetailPage />)
    await waitFor(() => expect(notTheirs.calls('camp.groupBinding')).toHaveLength(1))
    expect(document.getElementById('group-bind')).toBeNull()
    expect(document.getElementById('bind-group')).toBeNull()
  })
})
