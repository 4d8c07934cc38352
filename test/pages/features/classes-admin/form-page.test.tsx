import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ClassFormPage from '@/features/classes-admin/pages/form/index'
import { checkSession, shanghaiEpoch } from '@/features/classes-admin/class-form-model'
import { refreshMe } from '@/shared/session'
import { answerModal, fail, fakeCloud, findById, findToast, inputOf, modalClosed, ok, setRouteParams, typeInto } from '../mall/support'
import { adminMe } from '../mall-admin/admin-support'
import { detailView, sessionView } from '../classes/fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

function pick(id: string, value: string) {
  const picker = document.getElementById(id)
  if (!picker) throw new Error(`#${id} not found`)
  act(() => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value }, bubbles: true }))
  })
}

describe('免费课 form page', () => {
  beforeEach(() => refreshMe())

  it('should point at the missing fields and send nothing', async () => {
    setRouteParams({})
    const cloud = fakeCloud({ 'identity.me': adminMe })
    render(<ClassFormPage />)

    fireEvent.click(await findById('class-save'))
    expect(await screen.findByText('请至少选择一个年级')).toBeTruthy()
    expect(screen.getByText('请填写课程名称（不超过40个字）')).toBeTruthy()
    expect(cloud.calls('classes.createClass')).toHaveLength(0)
  })

  it('should create a class with the grades, teacher and award entered', async () => {
    setRouteParams({})
    const cloud = fakeCloud({ 'identity.me': adminMe, 'classes.createClass': ok(detailView().cls) })
    render(<ClassFormPage />)

    await typeInto('class-title', '小学数学一对一诊断课')
    await typeInto('class-teacher', '李老师')
    await typeInto('class-points', '20')
    fireEvent.click(await findById('grade-g3'))
    fireEvent.click(await findById('class-shelf-on'))
    fireEvent.click(await findById('class-save'))

    await findToast('已保存')
    expect(cloud.calls('classes.createClass')[0].cls).toEqual({
      title: '小学数学一对一诊断课',
      subject: 'math',
      grades: ['g3'],
      description: '',
      coverFileId: null,
      teacherName: '李老师',
      signupPoints: 20,
      onShelf: true,
    })
  })

  it('should add a session at the Beijing time picked', async () => {
    setRouteParams({ classId: 'c1' })
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'classes.getClass': ok(detailView()),
      'classes.addSession': ok(detailView().sessions[0]),
    })
    render(<ClassFormPage />)

    await findById('session-add')
    pick('session-date', '2099-01-02')
    pick('session-time', '19:30')
    await typeInto('session-capacity', '6')
    fireEvent.click(await findById('session-add'))

    await findToast('场次已添加')
    expect(cloud.calls('classes.addSession')[0]).toEqual({
      action: 'addSession',
      classId: 'c1',
      session: { startAt: Date.UTC(2099, 0, 2, 11, 30), durationMin: 45, capacity: 6 },
      requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,36}$/),
    })
  })
})

describe('免费课 form loading', () => {
  beforeEach(() => refreshMe())

  it('should open a new class at once, with no 加载中 and no request for a class', async () => {
    setRouteParams({})
    const cloud = fakeCloud({ 'identity.me': adminMe })
    render(<ClassFormPage />)

    expect(await findById('class-title')).toBeTruthy()
    expect(screen.queryByText('加载中…')).toBeNull()
    expect(screen.getByText('创建免费课')).toBeTruthy()
    expect(cloud.calls('classes.getClass')).toHaveLength(0)
  })

  it('should show why the class could not load with 重试, and the filled form after 重试', async () => {
    setRouteParams({ classId: 'c1' })
    let attempts = 0
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'classes.getClass': () => (++attempts === 1 ? fail('SYS.INTERNAL', '系统繁忙，请稍后再试') : ok(detailView())),
    })
    render(<ClassFormPage />)

    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
    expect(document.getElementById('class-title')).toBeNull()
    fireEvent.click(await findById('retry'))
    await waitFor(() => expect(inputOf('class-title').value).toBe('小学数学一对一诊断课'))
    expect(inputOf('class-points').value).toBe('20')
    expect(screen.getByText('保存修改')).toBeTruthy()
    expect(cloud.calls('classes.getClass')).toHaveLength(2)
  })

  it('should keep the fields being edited when a session is added', async () => {
    setRouteParams({ classId: 'c1' })
    let reads = 0
    const added = sessionView({ id: 's3', startAt: Date.UTC(2099, 0, 2, 11, 30) })
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'classes.getClass': () => (++reads === 1 ? ok(detailView()) : ok(detailView({ sessions: [...detailView().sessions, added] }))),
      'classes.addSession': ok(added),
    })
    render(<ClassFormPage />)

    await typeInto('class-title', '初中物理实验课')
    pick('session-date', '2099-01-02')
    pick('session-time', '19:30')
    await typeInto('session-capacity', '6')
    fireEvent.click(await findById('session-add'))

    await findToast('场次已添加')
    await waitFor(() => expect(document.getElementById('edit-session-s3')).toBeTruthy())
    expect(inputOf('class-title').value).toBe('初中物理实验课')
    expect(cloud.calls('classes.getClass')).toHaveLength(2)
  })
})

describe('修改场次', () => {
  beforeEach(async () => {
    refreshMe()
    await modalClosed()
  })
  const FUTURE = Date.UTC(2099, 0, 2, 11, 30)
  const withSession = () => detailView({ sessions: [sessionView({ startAt: FUTURE, taken: 3, capacity: 8 })] })

  it('should load a session into the editor and save the change after the signed-up members are warned', async () => {
    setRouteParams({ classId: 'c1' })
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'classes.getClass': ok(withSession()),
      'classes.updateSession': ok(sessionView({ startAt: FUTURE, capacity: 12 })),
    })
    render(<ClassFormPage />)

    fireEvent.click(await findById('edit-session-s1'))
    expect(await screen.findByText('修改场次 2099-01-02 19:30')).toBeTruthy()
    await typeInto('session-capacity', '12')
    fireEvent.click(await findById('session-add'))
    await answerModal('已有 3 人报名，修改后他们会看到新的时间，开课提醒也按新时间发送。确定修改？', true)

    await findToast('场次已修改')
    expect(cloud.calls('classes.updateSession')).toEqual([
      { action: 'updateSession', sessionId: 's1', patch: { startAt: FUTURE, durationMin: 30, capacity: 12 } },
    ])
    expect(cloud.calls('classes.addSession')).toHaveLength(0)
  })

  it('should change nothing when the warning is cancelled', async () => {
    setRouteParams({ classId: 'c1' })
    const cloud = fakeCloud({ 'identity.me': adminMe, 'classes.getClass': ok(withSession()) })
    render(<ClassFormPage />)

    fireEvent.click(await findById('edit-session-s1'))
    await typeInto('session-capacity', '12')
    fireEvent.click(await findById('session-add'))
    await answerModal(/已有 3 人报名/, false)

    await modalClosed()
    expect(cloud.calls('classes.updateSession')).toHaveLength(0)
  })
})

describe('session draft', () => {
  it('should read the date and time as Beijing time', () => {
    expect(shanghaiEpoch('2026-11-27', '08:00')).toBe(Date.UTC(2026, 10, 27, 0))
  })
  it('should refuse a start in the past or a zero capacity', () => {
    const now = Date.UTC(2026, 10, 27, 0)
    expect(checkSession({ date: '2026-11-26', time: '19:00', durationMin: '45', capacity: '5' }, now)).toEqual({
      ok: false,
      error: '开课时间须晚于现在',
    })
    expect(checkSession({ date: '2026-11-28', time: '19:00', durationMin: '45', capacity: '0' }, now)).toEqual({
      ok: false,
      error: '名额为 1-10000 的整数',
    })
  })
})
