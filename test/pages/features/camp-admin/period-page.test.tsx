import { fireEvent, render, screen } from '@testing-library/react'
import PeriodAdminPage from '@/features/camp-admin/pages/period/index'
import { refreshMe } from '@/shared/session'
import { answerModal, byId, fail, fakeCloud, findById, findToast, modalClosed, ok, setRouteParams } from '../mall/support'
import { adminCampView, adminMe, periodDoc } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('期次管理 page', () => {
  beforeEach(async () => {
    refreshMe()
    setRouteParams({ campId: 'c1', periodId: 'p1' })
    await modalClosed()
  })

  it('should show the period with its members and tasks', async () => {
    fakeCloud({ 'identity.me': adminMe, 'camp.adminCamp': ok(adminCampView()) })
    render(<PeriodAdminPage />)

    expect((await findById('pa-members')).textContent).toContain('12 / 200 人')
    expect(byId('pa-tasks').textContent).toContain('已设置 1/7 天')
    expect(byId('pa-incentives').textContent).toContain('激励设置')
  })

  it('should publish a draft after confirmation', async () => {
    let published = false
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'camp.adminCamp': () => ok(adminCampView([periodDoc({ status: published ? 'open' : 'draft' })])),
      'camp.updatePeriod': () => ((published = true), ok(periodDoc({ status: 'open' }))),
    })
    render(<PeriodAdminPage />)

    fireEvent.click(await findById('pa-publish'))
    await answerModal('发布后学员即可看到并报名本期，确认发布？', true)

    await findToast('已发布')
    expect(cloud.calls('camp.updatePeriod')).toEqual([{ action: 'updatePeriod', periodId: 'p1', status: 'open' }])
  })

  it('should not close the period when the admin cancels', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'camp.adminCamp': ok(adminCampView([periodDoc({ status: 'running' })])),
      'camp.closePeriod': ok(periodDoc()),
    })
    render(<PeriodAdminPage />)

    fireEvent.click(await findById('pa-close'))
    await answerModal('结营后为达标学员发放结营奖励和证书，数据将冻结且不可撤销。确认结营？', false)

    await modalClosed()
    expect(cloud.calls('camp.closePeriod')).toHaveLength(0)
  })

  it('should show why closing was refused', async () => {
    fakeCloud({
      'identity.me': adminMe,
      'camp.adminCamp': ok(adminCampView([periodDoc({ status: 'running' })])),
      'camp.closePeriod': fail('CAMP.PERIOD_NOT_ENDED', '该期尚未结束'),
    })
    render(<PeriodAdminPage />)

    fireEvent.click(await findById('pa-close'))
    await answerModal('结营后为达标学员发放结营奖励和证书，数据将冻结且不可撤销。确认结营？', true)

    await findToast('该期尚未结束')
  })

  it('should show the function error message', async () => {
    fakeCloud({ 'identity.me': adminMe, 'camp.adminCamp': fail('CAMP.NOT_FOUND', '打卡营不存在') })
    render(<PeriodAdminPage />)

    expect(await screen.findByText('打卡营不存在')).toBeTruthy()
  })
})
