import { useState } from 'react'
import { View } from '@tarojs/components'
import type { CheckinView } from '@cloud/contracts/camp-views'
import Button from '@/shared/ui/button'
import { askReminderCredit } from '../reminder-credit'
import './checkin-result.scss'
import { navigateTo } from '@/shared/route'
import { toast } from '@/shared/ui/feedback'

interface CheckinResultProps {
  periodId: string
  checkin: CheckinView
  currentStreak: number
  reminderTime: string | null
}

/**
 * Shown right after a check-in: the points it earned, and the natural moment to ask for a reminder credit (WeChat's
 * subscribe prompt must follow a tap, and one credit allows one message).
 */
export default function CheckinResult({ periodId, checkin, currentStreak, reminderTime }: CheckinResultProps) {
  const [asked, setAsked] = useState(false)

  const subscribe = async () => {
    const res = await askReminderCredit(periodId, { alsoReview: true }).report()
    if (res.code !== 0) return void toast(res.message)
    setAsked(true)
    if (reminderTime) return void toast(`明天 ${reminderTime} 提醒你打卡`)
    void navigateTo('camp/reminder', { periodId })
  }

  return (
    <View id='checkin-result' className='checkin-result'>
      <View className='checkin-result__title'>{checkin.makeup ? '补卡成功' : '打卡成功'}</View>
      <View id='result-points' className='checkin-result__points'>
        +{checkin.points} 积分
      </View>
      <View className='checkin-result__streak'>已连续打卡 {currentStreak} 天，继续保持！</View>
      {checkin.moderation.value !== 'pass' ? (
        <View className='checkin-result__note'>内容{checkin.moderation.label}，通过后同学们可见</View>
      ) : null}
      {asked ? null : (
        <Button id='subscribe-reminder' type='primary' plain round size='small' onClick={() => void subscribe()}>
          开启打卡提醒和点评通知
        </Button>
      )}
    </View>
  )
}
