import { useState } from 'react'
import { Picker, View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import { useRouteParam } from '@/shared/route'
import { setReminder, today } from '../../api'
import { askReminderCredit } from '../../reminder-credit'
import './index.scss'
import { toast } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'

const DEFAULT_TIME = '20:00'

export default function ReminderPage() {
  const periodId = useRouteParam('periodId')
  const [time, setTime] = useState(DEFAULT_TIME)
  const [busy, setBusy] = useState(false)
  const { load, reload, update } = useLoad(async () => {
    const res = await today(periodId)
    if (res.code !== 0) return res
    setTime(res.data.reminderTime ?? DEFAULT_TIME)
    return { code: 0 as const, data: { saved: res.data.reminderTime, title: res.data.period.title } }
  }, periodId)

  const save = async (next: string | null) => {
    if (busy) return
    // WeChat shows the subscribe prompt only in answer to a tap, so it is asked first, before any await.
    const credit = next ? askReminderCredit(periodId) : null
    setBusy(true)
    const res = await setReminder(periodId, next)
    const reported = res.code === 0 && credit ? await credit.report() : null
    setBusy(false)
    if (res.code !== 0) return void toast(res.message)
    update((setting) => ({ ...setting, saved: next }))
    if (!next) return void toast('已关闭提醒')
    const note = reported?.code === 0 ? `每天 ${next} 提醒你打卡` : '已保存，但未授权订阅消息，暂时收不到提醒'
    toast(note)
  }

  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(setting) => (
        <View className='reminder'>
          <View className='reminder__card'>
            <View className='reminder__title'>{setting.title} · 每日打卡提醒</View>
            <View id='reminder-current' className='reminder__current'>
              {setting.saved ? `当前：每天 ${setting.saved} 提醒` : '当前：未开启'}
            </View>
            <Picker id='reminder-time' mode='time' value={time} onChange={(e) => setTime(String(e.detail.value))}>
              <View className='reminder__picker'>
                提醒时间 <View className='reminder__time'>{time}</View>
              </View>
            </Picker>
          </View>
          <View className='reminder__note'>
            提醒通过微信订阅消息发送。微信规定每次授权只能收到一条消息，每次打卡后点「开启明日打卡提醒」即可续上。
          </View>
          <View className='reminder__actions'>
            <Button id='reminder-save' type='primary' round block loading={busy} loadingText='保存中' onClick={() => void save(time)}>
              保存并开启提醒
            </Button>
            {setting.saved ? (
              <Button id='reminder-off' round block plain onClick={() => void save(null)}>
                关闭提醒
              </Button>
            ) : null}
          </View>
        </View>
      )}
    </PageState>
  )
}
