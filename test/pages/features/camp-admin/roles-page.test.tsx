import { fireEvent, render, screen } from '@testing-library/react'
import RolesPage from '@/features/camp-admin/pages/roles/index'
import type { MemberPick } from '@cloud/contracts/identity'
import { refreshMe } from '@/shared/session'
import { answerModal, byId, fail, fakeCloud, findById, findToast, modalClosed, ok, typeInto } from '../mall/support'
import { adminMe, memberMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const pick = (
  nickname: string,
  handle: string,
  roles: ('member' | 'teacher' | 'admin')[],
  phoneTail: string | null = null,
): MemberPick => ({
  handle,
  nickname,
  avatarFileId: '',
  roles: roles.map((value) => ({ value, label: { member: '学员', teacher: '老师', admin: '运营' }[value] })),
  phoneTail,
})
const BOSS = pick('运营小王', 'uBoss000000000010', ['member', 'admin'])
const LELE = pick('乐乐妈妈', 'uLeLeMaMa00000010', ['member'], '8123')
const LELE_TEACHER = pick('乐乐妈妈', 'uLeLeMaMa00000010', ['member', 'teacher'])

describe('角色管理 page', () => {
  beforeEach(async () => {
    refreshMe()
    await modalClosed()
  })

  it('should grant the teacher role to a member found by phone tail, after confirmation', async () => {
    let granted = false
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'identity.staff': () => ok({ items: granted ? [LELE_TEACHER, BOSS] : [BOSS] }),
      'identity.searchMembers': ok({ items: [LELE] }),
      'identity.grantRole': () => ((granted = true), ok(LELE_TEACHER)),
    })
    render(<RolesPage />)

    expect((await findById('roles-staff-0')).textContent).toContain('运营小王')
    await typeInto('roles-picker-input', '8123')
    fireEvent.click(await findById('roles-picker-search'))
    expect((await findById('roles-picker-row-0')).textContent).toContain('手机尾号 8123')
    fireEvent.click(byId('roles-picker-row-0'))
    fireEvent.click(await findById('roles-grant-teacher'))
    await answerModal('确认授予 乐乐妈妈「老师」角色？', true)

    await findToast('已授予')
    expect(cloud.calls('identity.grantRole')).toEqual([{ action: 'grantRole', member: LELE.handle, role: 'teacher', grant: true }])
    expect((await findById('roles-grant-teacher')).textContent).toContain('已是老师')
    expect((await screen.findAllByText('乐乐妈妈')).length).toBeGreaterThanOrEqual(2)
  })

  it('should revoke a role after confirmation and show a refusal in Chinese', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'identity.staff': ok({ items: [BOSS] }),
      'identity.grantRole': fail('MEMBER.SELF_REVOKE', '不能撤销自己的运营权限'),
    })
    render(<RolesPage />)

    fireEvent.click(await findById('roles-revoke-0-admin'))
    await answerModal('确认撤销 运营小王 的「运营」角色？', true)

    await findToast('不能撤销自己的运营权限')
    expect(cloud.calls('identity.grantRole')).toEqual([{ action: 'grantRole', member: BOSS.handle, role: 'admin', grant: false }])
  })

  it('should not show the page to a member', async () => {
    fakeCloud({ 'identity.me': memberMe })
    render(<RolesPage />)

    expect(await screen.findByText('仅运营人员可以使用该功能')).toBeTruthy()
  })
})
