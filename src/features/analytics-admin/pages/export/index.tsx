import { useState } from 'react'
import { View } from '@tarojs/components'
import RoleGate from '@/shared/ui/role-gate'
import Button from '@/shared/ui/button'
import Empty from '@/shared/ui/empty'
import { useRouteParam } from '@/shared/route'
import type { ExportFormat, ExportView } from '@cloud/contracts/analytics'
import { exportPeriod } from '../../api'
import Section from '../../components/section'
import { deliverExport } from '../../open-export'
import { toast } from '@/shared/ui/feedback'

const SHEETS = '学员、每日参与、渠道漏斗、海报漏斗、转化轮次、付费登记'

function Exporter({ periodId }: { periodId: string }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null)
  const [done, setDone] = useState<ExportView | null>(null)
  const run = async (format: ExportFormat) => {
    if (busy) return
    setBusy(format)
    const res = await exportPeriod(periodId, format)
    setBusy(null)
    if (res.code !== 0) return void toast(res.message)
    setDone(res.data)
    await deliverExport(res.data).catch(() => toast('文件打开失败，请稍后重试'))
  }
  return (
    <Section id='export' title='导出期次数据'>
      <View className='an-section__hint'>
        Excel 工作簿每张表一页：{SHEETS}
        。学员表每人一行：昵称、年级/学科、首次来源渠道、海报码、报名时间、打卡与补卡天数、最长连续、是否完成、付费轮次与金额。
      </View>
      <View style={{ paddingTop: '12px' }}>
        <Button
          id='export-xlsx'
          type='primary'
          block
          round
          loading={busy === 'xlsx'}
          loadingText='生成中'
          disabled={busy === 'csv'}
          onClick={() => void run('xlsx')}
        >
          导出 Excel 工作簿
        </Button>
      </View>
      <View style={{ paddingTop: '12px' }}>
        <Button
          id='export-csv'
          block
          round
          loading={busy === 'csv'}
          loadingText='生成中'
          disabled={busy === 'xlsx'}
          onClick={() => void run('csv')}
        >
          只导出学员表（CSV）
        </Button>
      </View>
      {done ? (
        <View id='export-done' className='an-section__hint' style={{ paddingTop: '8px' }}>
          已生成 {done.fileName}，共 {done.rows} 位学员
        </View>
      ) : null}
    </Section>
  )
}

export default function ExportPage() {
  const periodId = useRouteParam('periodId')
  return <RoleGate role='admin'>{periodId ? <Exporter periodId={periodId} /> : <Empty description='请先选择期次' />}</RoleGate>
}
