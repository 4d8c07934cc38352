import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import MaterialsPage from '@/features/materials/pages/index/index'
import { byId, deferred, fail, fakeCloud, findById, ok } from '../mall/support'
import { card } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('资料库 list page', () => {
  it('should show 加载中 until the catalog answers, then each material with its rule tag', async () => {
    const pending = deferred()
    fakeCloud({ 'materials.list': pending.reply })
    render(<MaterialsPage />)

    expect(screen.getByText('加载中…')).toBeTruthy()
    pending.release(
      ok({ items: [card(), card({ id: 'm2', title: '拼音卡片', rule: { kind: 'points', cost: 30 }, ruleTag: '30 积分' })], cursor: null }),
    )
    expect(await screen.findByText('三年级数学思维题库')).toBeTruthy()
    expect(screen.getByText('免费')).toBeTruthy()
    expect(screen.getByText('30 积分')).toBeTruthy()
  })

  it('should ask again with the subject and grade picked, and back to everything with 全部', async () => {
    const cloud = fakeCloud({ 'materials.list': ok({ items: [card()], cursor: null }) })
    render(<MaterialsPage />)
    await screen.findByText('三年级数学思维题库')

    fireEvent.click(byId('subject-math'))
    await waitFor(() => expect(cloud.calls('materials.list')).toHaveLength(2))
    fireEvent.click(byId('grade-g3'))
    await waitFor(() => expect(cloud.calls('materials.list')).toHaveLength(3))
    fireEvent.click(byId('subject-all'))
    await waitFor(() => expect(cloud.calls('materials.list')).toHaveLength(4))

    const calls = cloud.calls('materials.list')
    expect(calls[0]).toEqual({ action: 'list', limit: 20 })
    expect(calls[1]).toEqual({ action: 'list', limit: 20, subject: 'math' })
    expect(calls[2]).toEqual({ action: 'list', limit: 20, subject: 'math', grade: 'g3' })
    expect(calls[3]).toEqual({ action: 'list', limit: 20, grade: 'g3' })
  })

  it('should say when a filter finds nothing, and when the catalog is empty', async () => {
    fakeCloud({ 'materials.list': ok({ items: [], cursor: null }) })
    render(<MaterialsPage />)

    expect(await screen.findByText('资料库还没有资料，敬请期待')).toBeTruthy()
    fireEvent.click(byId('grade-g8'))
    expect(await screen.findByText('该年级 / 学科暂时没有资料，换个筛选看看')).toBeTruthy()
  })

  it('should show the error and load again on 重试', async () => {
    let tries = 0
    fakeCloud({
      'materials.list': () => (++tries === 1 ? fail('SYS.INTERNAL', '系统繁忙，请稍后再试') : ok({ items: [card()], cursor: null })),
    })
    render(<MaterialsPage />)

    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
    fireEvent.click(await findById('retry'))
    expect(await screen.findByText('三年级数学思维题库')).toBeTruthy()
  })
})
