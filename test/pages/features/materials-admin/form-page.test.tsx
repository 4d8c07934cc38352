import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import MaterialFormPage from '@/features/materials-admin/pages/form/index'
import { pickFiles } from '@/features/materials-admin/pick-files'
import { uploadFile } from '@/shared/cloud/upload'
import { byId, fail, fakeCloud, findById, findToast, inputOf, ok, setRouteParams, typeInto } from '../mall/support'
import { adminMe, freshSession } from '../mall-admin/admin-support'
import { adminView } from '../materials/fixtures'
import { classView } from '../classes/fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))
jest.mock('@/features/materials-admin/pick-files', () => ({ pickFiles: jest.fn() }))
jest.mock('@/shared/cloud/upload', () => ({ uploadFile: jest.fn(), fileSrc: (id: string) => id }))

const FILE_ID = 'cloud://local-dev.6c6f-local-dev-1250000000/materials/x/讲义.pdf'

describe('编辑资料 form page', () => {
  beforeEach(() => {
    freshSession()
    jest.mocked(pickFiles).mockResolvedValue([{ path: 'blob:1', name: '讲义.pdf', size: 4096 }])
    jest.mocked(uploadFile).mockResolvedValue(FILE_ID)
  })

  it('should refuse to save without a title, subject, grade or file and send nothing', async () => {
    setRouteParams({})
    const cloud = fakeCloud({ 'identity.me': adminMe })
    render(<MaterialFormPage />)

    fireEvent.click(await findById('save'))
    await findToast('请填写资料名称')
    expect(screen.getByText('请选择学科')).toBeTruthy()
    expect(screen.getByText('请至少选择一个年级')).toBeTruthy()
    expect(screen.getByText('请至少上传一个文件')).toBeTruthy()
    expect(cloud.calls('materials.create')).toHaveLength(0)
  })

  it('should upload a file and create a points material with what was filled in', async () => {
    setRouteParams({})
    const cloud = fakeCloud({ 'identity.me': adminMe, 'materials.create': ok(adminView()) })
    render(<MaterialFormPage />)

    await typeInto('title', '初二物理提纲')
    fireEvent.click(await findById('subject-physics'))
    fireEvent.click(byId('grade-g8'))
    fireEvent.click(byId('grade-g7'))
    fireEvent.click(byId('add-files'))
    expect(await screen.findByText('讲义.pdf（PDF）')).toBeTruthy()
    fireEvent.click(byId('rule-points'))
    await typeInto('cost', '50')
    fireEvent.click(byId('save'))

    await waitFor(() => expect(cloud.calls('materials.create')).toHaveLength(1))
    expect(cloud.calls('materials.create')[0].material).toEqual({
      title: '初二物理提纲',
      description: '',
      subject: 'physics',
      grades: ['g7', 'g8'],
      cover: null,
      files: [{ fileId: FILE_ID, name: '讲义.pdf', size: 4096, kind: 'pdf' }],
      rule: { kind: 'points', cost: 50 },
      onShelf: false,
    })
    expect(jest.mocked(uploadFile).mock.calls[0][0]).toMatch(/^materials\/[a-z0-9]+-[a-z0-9]+\/讲义\.pdf$/)
  })

  it('should ask how many friends an invites rule needs, refuse 0, and save the number', async () => {
    setRouteParams({})
    const cloud = fakeCloud({ 'identity.me': adminMe, 'materials.create': ok(adminView()) })
    render(<MaterialFormPage />)

    await typeInto('title', '小升初真题')
    fireEvent.click(await findById('subject-math'))
    fireEvent.click(byId('grade-g6'))
    fireEvent.click(byId('add-files'))
    expect(await screen.findByText('讲义.pdf（PDF）')).toBeTruthy()
    fireEvent.click(byId('rule-invites'))
    await typeInto('invite-count', '0')
    fireEvent.click(byId('save'))
    await findToast('请填写 1–50 的整数人数')
    expect(cloud.calls('materials.create')).toHaveLength(0)

    await typeInto('invite-count', '3')
    fireEvent.click(byId('save'))
    await waitFor(() => expect(cloud.calls('materials.create')).toHaveLength(1))
    expect(cloud.calls('materials.create')[0].material).toMatchObject({ title: '小升初真题', rule: { kind: 'invites', count: 3 } })
  })

  it('should load a material for editing and send the change as a patch', async () => {
    setRouteParams({ materialId: 'm1' })
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'materials.adminGet': ok(adminView()),
      'materials.update': ok(adminView()),
      'classes.adminClasses': ok({ items: [classView({ id: 'class-2026-01', title: '五年级阅读诊断课' })], cursor: null }),
    })
    render(<MaterialFormPage />)

    expect(await screen.findByText('题库.pdf（PDF）')).toBeTruthy()
    fireEvent.click(byId('rule-signup'))
    // the operator picks the class by its title; its id is never shown or typed
    fireEvent.click(await screen.findByText('五年级阅读诊断课'))
    expect(document.body.textContent).not.toContain('class-2026-01')
    fireEvent.click(byId('save'))

    await waitFor(() => expect(cloud.calls('materials.update')).toHaveLength(1))
    expect(cloud.calls('materials.update')[0]).toMatchObject({
      materialId: 'm1',
      patch: { rule: { kind: 'signup', classId: 'class-2026-01' } },
    })
  })

  it('should open a new material at once, with no 加载中 and no request for a material', async () => {
    setRouteParams({})
    const cloud = fakeCloud({ 'identity.me': adminMe })
    render(<MaterialFormPage />)

    expect(await findById('title')).toBeTruthy()
    expect(screen.queryByText('加载中…')).toBeNull()
    expect(cloud.calls('materials.adminGet')).toHaveLength(0)
  })

  it('should show why the material could not load with 重试, and the filled form after 重试', async () => {
    setRouteParams({ materialId: 'm1' })
    let attempts = 0
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'materials.adminGet': () => (++attempts === 1 ? fail('SYS.INTERNAL', '系统繁忙，请稍后再试') : ok(adminView())),
    })
    render(<MaterialFormPage />)

    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
    expect(document.getElementById('title')).toBeNull()
    fireEvent.click(await findById('retry'))
    expect(await screen.findByText('题库.pdf（PDF）')).toBeTruthy()
    await waitFor(() => expect(inputOf('title').value).toBe(adminView().title))
    expect(cloud.calls('materials.adminGet')).toHaveLength(2)
  })

  it('should keep a signup rule open to any class, and offer 重试 when the classes could not load', async () => {
    setRouteParams({})
    let attempts = 0
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'classes.adminClasses': () =>
        ++attempts === 1
          ? fail('SYS.INTERNAL', '系统繁忙，请稍后再试')
          : ok({ items: [classView({ title: '初一数学体验课' })], cursor: null }),
    })
    render(<MaterialFormPage />)

    fireEvent.click(await findById('rule-signup'))
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
    fireEvent.click(await findById('retry'))
    expect(await screen.findByText('初一数学体验课')).toBeTruthy()
    expect(byId('class-').className).toContain('choice-chips__chip--on')
    fireEvent.click(byId('class-c1'))
    expect(byId('class-c1').className).toContain('choice-chips__chip--on')
    expect(cloud.calls('classes.adminClasses')).toEqual([
      { action: 'adminClasses', limit: 50 },
      { action: 'adminClasses', limit: 50 },
    ])
  })
})
