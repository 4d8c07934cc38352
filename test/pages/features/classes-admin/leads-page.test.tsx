import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import LeadsPage from '@/features/classes-admin/pages/leads/index'
import type { StaffSignupView } from '@cloud/contracts/class-views'
import { refreshMe } from '@/shared/session'
import { fail, fakeCloud, findById, findToast, ok, typeInto } from '../mall/support'
import { memberMe } from '../mall-admin/admin-support'
import { staffSignup, teacherMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const lead = (fields: Partial<StaffSignupView> = {}) => staffSignup('m-01', fields)
const page = (items: unknown[]) => ok({ items, cursor: null })

describe('销售线索 page', () => {
  beforeEach(() => refreshMe())

  it('should show a teacher the leads with the full phone number', async () => {
    fakeCloud({ 'identity.me': teacherMe, 'classes.leads': page([lead()]) })
    render(<LeadsPage />)

    expect(await screen.findByText('小明妈妈')).toBeTruthy()
    expect(screen.getByText('13900000001')).toBeTruthy()
  })

  it('should move a lead to contacted with the note typed', async () => {
    const next = lead({ stage: 'contacted', stageLabel: '已联系', nextStages: ['booked', 'lost'], note: '周末再联系' })
    const cloud = fakeCloud({ 'identity.me': teacherMe, 'classes.leads': page([lead()]), 'classes.updateLead': ok(next) })
    render(<LeadsPage />)

    await typeInto('note-m-01', '周末再联系')
    fireEvent.click(await findById('stage-m-01-contacted'))

    await findToast('已更新为「已联系」')
    expect(cloud.calls('classes.updateLead')).toEqual([
      { action: 'updateLead', signupId: 'c1:m-01', stage: 'contacted', note: '周末再联系' },
    ])
    await waitFor(() => expect(document.getElementById('stage-m-01-paid')).toBeNull())
    expect(document.getElementById('stage-m-01-booked')).toBeTruthy()
  })

  it('should ask for one stage when its tab is chosen', async () => {
    const cloud = fakeCloud({ 'identity.me': teacherMe, 'classes.leads': page([]) })
    render(<LeadsPage />)
    await screen.findByText('还没有报名线索')

    fireEvent.click(screen.getByText('已约诊断'))
    expect(await screen.findByText('这个阶段没有线索')).toBeTruthy()
    expect(cloud.calls('classes.leads')[1]).toEqual({ action: 'leads', stage: 'booked', limit: 20 })
  })

  it('should show a refused move as a toast', async () => {
    fakeCloud({
      'identity.me': teacherMe,
      'classes.leads': page([lead()]),
      'classes.updateLead': fail('CLASS.LEAD_STAGE', '线索不能从当前阶段改到该阶段'),
    })
    render(<LeadsPage />)

    fireEvent.click(await findById('stage-m-01-booked'))
    await findToast('线索不能从当前阶段改到该阶段')
  })

  it('should not show leads to a member', async () => {
    const cloud = fakeCloud({ 'identity.me': memberMe })
    render(<LeadsPage />)

    expect(await screen.findByText('仅老师和运营人员可以使用该功能')).toBeTruthy()
    expect(cloud.calls('classes.leads')).toHaveLength(0)
  })
})
