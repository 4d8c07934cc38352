import { useState } from 'react'
import { View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import { formatDateTime } from '@/shared/time'
import { refresh } from '../api'
import './computed-bar.scss'
import { toast, toastSuccess } from '@/shared/ui/feedback'

/** "数据计算于 …" and 刷新数据: recomputes the period now, then asks the page to load the new numbers. */
export default function ComputedBar({
  periodId,
  computedAt,
  onRefreshed,
}: {
  periodId: string
  computedAt: number | null
  onRefreshed: () => void
}) {
  const [busy, setBusy] = useState(false)
  const run = async () => {
    if (busy) return
    setBusy(true)
    const res = await refresh(periodId)
    setBusy(false)
    if (res.code !== 0) return void toast(res.message)
    toastSuccess('数据已刷新')
    onRefreshed()
  }
  return (
    <View className='computed-bar'>
      <View id='computed-at' className='computed-bar__text'>
        {computedAt === null ? '尚未计算' : `数据计算于 ${formatDateTime(computedAt)}`}
      </View>
      <Button id='refresh' size='small' round plain type='primary' loading={busy} loadingText='计算中' onClick={() => void run()}>
        刷新数据
      </Button>
    </View>
  )
}
