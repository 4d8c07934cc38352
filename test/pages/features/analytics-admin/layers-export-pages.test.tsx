import { fireEvent, render, screen } from '@testing-library/react'
import ExportPage from '@/features/analytics-admin/pages/export/index'
import LayersPage from '@/features/analytics-admin/pages/layers/index'
import { adminMe, freshSession, memberMe } from '../mall-admin/admin-support'
import { fail, fakeCloud, findById, findToast, ok, setRouteParams } from '../mall/support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const counts = (n: Record<string, number>) =>
  (['L1', 'L2', 'L3', 'L4', 'L5', 'sleeping'] as const).map((layer) => ({ layer, label: layer, count: n[layer] ?? 0 }))

describe('用户分层 page', () => {
  beforeEach(() => freshSession())

  it('should show each layer and the main transitions', async () => {
    fakeCloud({
      'identity.me': adminMe,
      'analytics.layers': ok({
        today: '2026-03-04',
        counts: counts({ L1: 10, L3: 4, sleeping: 2 }),
        paths: [{ from: 'L1', to: 'L3', label: '浏览 → 活跃', count: 4 }],
        computedAt: null,
      }),
    })
    render(<LayersPage />)

    expect((await findById('layer-L1')).textContent).toContain('10 人')
    expect((await findById('layer-sleeping')).textContent).toContain('2 人')
    expect(await screen.findByText('浏览 → 活跃')).toBeTruthy()
    expect(await screen.findByText(/共 16 人/)).toBeTruthy()
  })

  it('should show the empty state before any member was layered', async () => {
    fakeCloud({ 'identity.me': adminMe, 'analytics.layers': ok({ today: '2026-03-04', counts: counts({}), paths: [], computedAt: null }) })
    render(<LayersPage />)

    expect(await screen.findByText(/还没有分层数据/)).toBeTruthy()
  })

  it('should keep members out', async () => {
    const cloud = fakeCloud({ 'identity.me': memberMe })
    render(<LayersPage />)

    expect(await screen.findByText('仅运营人员可以使用该功能')).toBeTruthy()
    expect(cloud.calls('analytics.layers')).toHaveLength(0)
  })
})

describe('导出 page', () => {
  beforeEach(() => {
    freshSession()
    setRouteParams({ periodId: 'p1' })
  })

  it('should export the Excel workbook and open its link in the browser (H5)', async () => {
    const open = jest.spyOn(window, 'open').mockImplementation(() => null)
    const fileName = '英语口语打卡_第3期_2026-03-04.xlsx'
    const file = {
      url: 'http://127.0.0.1/x.xlsx',
      fileId: `cloud://e/analytics-exports/p1/1/${fileName}`,
      fileName,
      format: 'xlsx',
      rows: 120,
    }
    const cloud = fakeCloud({ 'identity.me': adminMe, 'analytics.exportPeriod': ok(file) })
    render(<ExportPage />)

    fireEvent.click(await findById('export-xlsx'))
    expect((await findById('export-done')).textContent).toBe(`已生成 ${fileName}，共 120 位学员`)
    expect(open).toHaveBeenCalledWith(file.url, '_blank', 'noopener')
    expect(cloud.calls('analytics.exportPeriod')).toEqual([{ action: 'exportPeriod', periodId: 'p1', format: 'xlsx' }])
    open.mockRestore()
  })

  it('should still export the member table as CSV', async () => {
    const open = jest.spyOn(window, 'open').mockImplementation(() => null)
    const file = { url: 'http://127.0.0.1/x.csv', fileId: 'cloud://e/analytics-exports/x.csv', fileName: 'x.csv', format: 'csv', rows: 120 }
    const cloud = fakeCloud({ 'identity.me': adminMe, 'analytics.exportPeriod': ok(file) })
    render(<ExportPage />)

    fireEvent.click(await findById('export-csv'))
    expect((await findById('export-done')).textContent).toContain('共 120 位学员')
    expect(open).toHaveBeenCalledWith(file.url, '_blank', 'noopener')
    expect(cloud.calls('analytics.exportPeriod')).toEqual([{ action: 'exportPeriod', periodId: 'p1', format: 'csv' }])
    open.mockRestore()
  })

  it('should say why an export failed', async () => {
    fakeCloud({ 'identity.me': adminMe, 'analytics.exportPeriod': fail('ANALYTICS.PERIOD_NOT_FOUND', '期次不存在') })
    render(<ExportPage />)

    fireEvent.click(await findById('export-csv'))
    await findToast('期次不存在')
  })
})
