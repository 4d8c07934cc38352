import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import PeriodAdminPage from '@/features/camp-admin/pages/period/index'
import type { MemberPick } from '@cloud/contracts/identity'
import { refreshMe } from '@/shared/session'
import { answerModal, byId, fail, fakeCloud, findById, findToast, modalClosed, ok, setRouteParams, typeInto } from '../mall/support'
import { adminCampView, adminMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const teacher = (nickname: string, handle: string): MemberPick => ({
  handle,
  nickname,
  avatarFileId: '',
  roles: [
    { value: 'member', label: '学员' },
    { value: 'teacher', label: '老师' },
  ],
  phoneTail: null,
})
const LI = teacher('李老师', 'uLiLaoShi00000010')
const ZHOU = teacher('周老师', 'uZhouLaoShi000020')
const teachersView = (...teachers: MemberPick[]) => ok({ periodId: 'p1', teachers })

describe('期次管理 page: 本期老师', () => {
  beforeEach(async () => {
    refreshMe()
    setRouteParams({ campId: 'c1', periodId: 'p1' })
    await modalClosed()
  })

  it('should list the period’s teachers by name and add one found by nickname', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'camp.adminCamp': ok(adminCampView()),
      'camp.periodTeachers': teachersView(LI),
      'identity.searchMembers': ok({ items: [LI, ZHOU] }),
      'camp.setPeriodTeacher': teachersView(LI, ZHOU),
    })
    render(<PeriodAdminPage />)

    expect((await findById('pa-teacher-0')).textContent).toContain('李老师')
    fireEvent.click(await findById('pa-teacher-add'))
    await typeInto('pa-teacher-picker-input', '老师')
    fireEvent.click(await findById('pa-teacher-picker-search'))
    expect((await findById('pa-teacher-picker-row-0')).textContent).toContain('已是本期老师')
    fireEvent.click(byId('pa-teacher-picker-row-0'))
    fireEvent.click(byId('pa-teacher-picker-row-1'))

    await findToast('已添加')
    expect(cloud.calls('camp.setPeriodTeacher')).toEqual([
      { action: 'setPeriodTeacher', periodId: 'p1', teacher: ZHOU.handle, assigned: true },
    ])
    expect((await findById('pa-teacher-1')).textContent).toContain('周老师')
    expect(document.body.textContent).not.toMatch(/openid/)
  })

  it('should say what to do when the picked member is not a teacher yet', async () => {
    fakeCloud({
      'identity.me': adminMe,
      'camp.adminCamp': ok(adminCampView()),
      'camp.periodTeachers': teachersView(),
      'identity.searchMembers': ok({ items: [ZHOU] }),
      'camp.setPeriodTeacher': fail('CAMP.NOT_A_TEACHER', '请先在角色管理中授予老师角色'),
    })
    render(<PeriodAdminPage />)

    expect(await screen.findByText('还没有老师，添加后老师即可在待点评中看到本期的打卡')).toBeTruthy()
    fireEvent.click(await findById('pa-teacher-add'))
    await typeInto('pa-teacher-picker-input', '周')
    fireEvent.click(await findById('pa-teacher-picker-search'))
    fireEvent.click(await findById('pa-teacher-picker-row-0'))

    await findToast('请先在角色管理中授予老师角色')
  })

  it('should remove a teacher only after confirmation', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'camp.adminCamp': ok(adminCampView()),
      'camp.periodTeachers': teachersView(LI),
      'camp.setPeriodTeacher': teachersView(),
    })
    render(<PeriodAdminPage />)

    fireEvent.click(await findById('pa-teacher-remove-0'))
    await answerModal('移除后 李老师 不再看到本期的待点评打卡，确认移除？', false)
    await modalClosed()
    expect(cloud.calls('camp.setPeriodTeacher')).toHaveLength(0)

    fireEvent.click(await findById('pa-teacher-remove-0'))
    await answerModal('移除后 李老师 不再看到本期的待点评打卡，确认移除？', true)
    await findToast('已移除')
    expect(cloud.calls('camp.setPeriodTeacher')).toEqual([
      { action: 'setPeriodTeacher', periodId: 'p1', teacher: LI.handle, assigned: false },
    ])
    await waitFor(() => expect(document.getElementById('pa-teacher-0')).toBeNull())
  })
})
