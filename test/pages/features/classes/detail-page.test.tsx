import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ClassDetailPage from '@/features/classes/pages/detail/index'
import { answerModal, fail, fakeCloud, findById, findToast, modalClosed, ok, setRouteParams } from '../mall/support'
import { detailView, mySignup } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))
const mockPhone = jest.fn<Promise<string | null>, []>()
const mockSubscribe = jest.fn<Promise<string[]>, [string[]]>()
jest.mock('@/shared/wx', () => ({
  phoneNumberCloudId: () => mockPhone(),
  requestSubscribe: (ids: string[]) => mockSubscribe(ids),
}))

function pickGrade(index: number) {
  const picker = document.getElementById('grade-picker')
  if (!picker) throw new Error('#grade-picker not found')
  act(() => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: index }, bubbles: true }))
  })
}

describe('免费课 detail page', () => {
  beforeEach(async () => {
    setRouteParams({ classId: 'c1' })
    mockPhone.mockReset()
    mockSubscribe.mockReset()
    await modalClosed()
  })

  it('should show the sessions with the seats left and a full one as waitlist', async () => {
    fakeCloud({ 'classes.getClass': ok(detailView()) })
    render(<ClassDetailPage />)

    expect(await screen.findByText(/剩余 5 个名额/)).toBeTruthy()
    expect(screen.getByText(/名额已满，可报名候补/)).toBeTruthy()
  })

  it('should sign up with the grade and the phone CloudID from the phone button, never a typed number', async () => {
    mockPhone.mockResolvedValue('cid-123')
    const cloud = fakeCloud({ 'classes.getClass': ok(detailView()), 'classes.signUp': ok(mySignup()) })
    render(<ClassDetailPage />)

    fireEvent.click(await findById('session-s1'))
    pickGrade(3) // 三年级
    fireEvent.click(await findById('signup-phone'))

    await findToast('报名成功')
    expect(cloud.calls('classes.signUp')).toEqual([
      { action: 'signUp', classId: 'c1', sessionId: 's1', childGrade: 'g3', phone: { cloudID: 'cid-123' } },
    ])
  })

  it('should not call the function without a grade, or when the member refuses the phone number', async () => {
    mockPhone.mockResolvedValue(null)
    const cloud = fakeCloud({ 'classes.getClass': ok(detailView()) })
    render(<ClassDetailPage />)

    fireEvent.click(await findById('session-s1'))
    fireEvent.click(await findById('signup-phone'))
    expect(await screen.findByText('请先选择孩子的年级')).toBeTruthy()
    pickGrade(3)
    fireEvent.click(byIdNow('signup-phone'))
    expect(await screen.findByText('需要授权手机号才能报名，老师会通过该号码联系你')).toBeTruthy()
    expect(cloud.calls('classes.signUp')).toHaveLength(0)
  })

  it('should show the refusal message from the function in the sheet', async () => {
    mockPhone.mockResolvedValue('cid-old')
    fakeCloud({ 'classes.getClass': ok(detailView()), 'classes.signUp': fail('CLASS.PHONE_EXPIRED', '手机号授权已过期，请重新授权') })
    render(<ClassDetailPage />)

    fireEvent.click(await findById('session-s1'))
    pickGrade(3)
    fireEvent.click(await findById('signup-phone'))
    expect(await screen.findByText('手机号授权已过期，请重新授权')).toBeTruthy()
  })

  it('should show my signup and cancel it only after confirming, warning about the award', async () => {
    const cancelled = mySignup({ status: 'cancelled', statusLabel: '已取消', cancellable: false })
    const cloud = fakeCloud({
      'classes.getClass': () => ok(detailView({ mySignup: cloud.calls('classes.cancelSignup').length ? cancelled : mySignup() })),
      'classes.cancelSignup': ok(cancelled),
    })
    render(<ClassDetailPage />)

    fireEvent.click(await findById('cancel-c1'))
    await answerModal('确定取消「小学数学一对一诊断课」的报名吗，报名奖励的 20 积分将被扣回？', false)
    await modalClosed()
    expect(cloud.calls('classes.cancelSignup')).toHaveLength(0)

    fireEvent.click(byIdNow('cancel-c1'))
    await answerModal(/确定取消/, true)
    await findToast('已取消报名')
    await waitFor(() => expect(document.getElementById('cancel-c1')).toBeNull())
  })

  it('should record the reminder credit the member grants', async () => {
    mockSubscribe.mockResolvedValue(['tpl-class-session-reminder'])
    const cloud = fakeCloud({
      'classes.getClass': ok(detailView({ mySignup: mySignup() })),
      'classes.subscribeReminder': ok(mySignup({ reminderSet: true })),
    })
    render(<ClassDetailPage />)

    fireEvent.click(await findById('remind-c1'))
    expect(await screen.findByText('已开启开课提醒')).toBeTruthy()
    expect(cloud.calls('classes.subscribeReminder')).toEqual([
      { action: 'subscribeReminder', classId: 'c1', accepted: ['tpl-class-session-reminder'] },
    ])
  })
})

function byIdNow(id: string): HTMLElement {
  const el = document.getElementById(id)
  if (!el) throw new Error(`#${id} not found`)
  return el
}
