import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import RoleGate from '@/shared/ui/role-gate'
import Button from '@/shared/ui/button'
import Empty from '@/shared/ui/empty'
import { routeParam } from '@/shared/route'
import type { ExportView } from '@cloud/contracts/analytics'
import { exportPeriod } from '../../api'
import Section from '../../components/section'
import { deliverExport } from '../../open-export'

function Exporter({ periodId }: { periodId: string }) {
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<ExportView | null>(null)
  const run = async () => {
    if (busy) return
    setBusy(true)
    const res = await exportPeriod(periodId)
    setBusy(false)
    if (res.code !== 0) return void Taro.showToast({ title: res.message, icon: 'none' })
    setDone(res.data)
    await deliverExport(res.data)
  }
  return (
    <Section id='export' title='导出期次学员表'>
      <View className='an-section__hint'>
        每位学员一行：昵称、年级/学科、首次来源渠道、海报码、报名时间、打卡与补卡天数、最长连续、是否完成、付费轮次与金额。CSV 文件可直接用
        Excel 打开。
      </View>
      <View style={{ paddingTop: '12px' }}>
        <Button id='export-csv' type='primary' block round loading={busy} loadingText='生成中' onClick={() => void run()}>
          导出 CSV
        </Button>
      </View>
      {done ? (
        <View id='export-done' className='an-section__hint' style={{ paddingTop: '8px' }}>
          已生成 {done.fileName}，共 {done.rows} 行
        </View>
      ) : null}
    </Section>
  )
}

export default function ExportPage() {
  const periodId = routeParam('periodId')
  return <RoleGate role='admin'>{periodId ? <Exporter periodId={periodId} /> : <Empty description='请先选择期次' />}</RoleGate>
}
