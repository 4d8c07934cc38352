import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ClassListPage from '@/features/classes/pages/index/index'
import { fail, fakeCloud, ok } from '../mall/support'
import { classView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const page = (items: unknown[], cursor: string | null = null) => ok({ items, cursor })

function pick(id: string, index: number) {
  const picker = document.getElementById(id)
  if (!picker) throw new Error(`#${id} not found`)
  act(() => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: index }, bubbles: true }))
  })
}

describe('免费课 list page', () => {
  it('should list the classes on the shelf with their tags and award', async () => {
    fakeCloud({ 'classes.listClasses': page([classView()]) })
    render(<ClassListPage />)

    expect(screen.getByText('加载中…')).toBeTruthy()
    expect(await screen.findByText('小学数学一对一诊断课')).toBeTruthy()
    expect(screen.getByText('主讲 李老师 · 报名送 20 积分')).toBeTruthy()
  })

  it('should ask again with the grade chosen in the filter', async () => {
    const cloud = fakeCloud({ 'classes.listClasses': page([]) })
    render(<ClassListPage />)
    await screen.findByText('暂时没有开放报名的免费课，敬请期待')

    pick('filter-grade', 8) // 全部, 学前, 一年级 … 初一 is the 8th choice
    await waitFor(() => expect(cloud.calls('classes.listClasses')).toHaveLength(2))
    expect(cloud.calls('classes.listClasses')[1]).toEqual({ action: 'listClasses', grade: 'g7', limit: 20 })
    expect(await screen.findByText('没有符合条件的免费课，换个筛选试试')).toBeTruthy()
  })

  it('should show the error and retry', async () => {
    const cloud = fakeCloud({ 'classes.listClasses': fail('SYS.INTERNAL', '系统繁忙，请稍后再试') })
    render(<ClassListPage />)

    fireEvent.click(await screen.findByText('重试'))
    await waitFor(() => expect(cloud.calls('classes.listClasses')).toHaveLength(2))
  })
})
