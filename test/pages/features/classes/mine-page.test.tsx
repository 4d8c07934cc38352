import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import MyClassesPage from '@/features/classes/pages/mine/index'
import { answerModal, fakeCloud, findById, findToast, modalClosed, ok } from '../mall/support'
import { mySignup } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const page = (items: unknown[]) => ok({ items, cursor: null })

describe('我的免费课 page', () => {
  beforeEach(() => modalClosed())

  it('should list my signups with status and waitlist place', async () => {
    fakeCloud({ 'classes.mySignups': page([mySignup({ status: 'waitlisted', statusLabel: '候补中', waitlistPosition: 2 })]) })
    render(<MyClassesPage />)

    expect(await screen.findByText('候补中')).toBeTruthy()
    expect(screen.getByText('候补第 2 位')).toBeTruthy()
    expect(screen.getByText(/139\*\*\*\*0001/)).toBeTruthy()
  })

  it('should offer the class list when there is no signup', async () => {
    fakeCloud({ 'classes.mySignups': page([]) })
    render(<MyClassesPage />)

    expect(await screen.findByText('还没有报名免费课')).toBeTruthy()
    expect(screen.getByText('去看看免费课')).toBeTruthy()
  })

  it('should cancel after confirmation and show it cancelled', async () => {
    const cloud = fakeCloud({
      'classes.mySignups': page([mySignup()]),
      'classes.cancelSignup': ok(mySignup({ status: 'cancelled', statusLabel: '已取消', cancellable: false })),
    })
    render(<MyClassesPage />)

    fireEvent.click(await findById('cancel-c1'))
    await answerModal(/如获得过报名奖励积分将被扣回/, true)

    await findToast('已取消报名')
    expect(cloud.calls('classes.cancelSignup')).toEqual([{ action: 'cancelSignup', classId: 'c1' }])
    await waitFor(() => expect(screen.getByText('已取消')).toBeTruthy())
    expect(document.getElementById('cancel-c1')).toBeNull()
  })
})
