import { View } from '@tarojs/components'
import type { MySignupView } from '@cloud/contracts/class-views'
import Button from '@/shared/ui/button'
import { formatDateTime } from '@/shared/time'

interface MySignupCardProps {
  signup: MySignupView
  onCancel: () => void
  onRemind: () => void
  onOpen?: () => void
}

export default function MySignupCard({ signup, onCancel, onRemind, onOpen }: MySignupCardProps) {
  const active = signup.status === 'confirmed' || signup.status === 'waitlisted'
  return (
    <View id={`signup-${signup.classId}`} className='classes-mine'>
      <View role='button' className='classes-mine__head' onClick={onOpen}>
        <View className='classes-mine__title'>{signup.classTitle}</View>
        <View className={`classes-status classes-status--${signup.status}`}>{signup.statusLabel}</View>
      </View>
      <View className='classes-mine__meta'>
        {formatDateTime(signup.sessionStartAt)} · {signup.childGradeLabel} · {signup.phoneMasked}
      </View>
      {signup.waitlistPosition !== null ? <View className='classes-mine__meta'>候补第 {signup.waitlistPosition} 位</View> : null}
      {active && signup.cancellable ? (
        <View className='classes-mine__actions'>
          {signup.reminderSet ? (
            <View className='classes-mine__note'>已开启开课提醒</View>
          ) : (
            <Button id={`remind-${signup.classId}`} size='small' round plain type='primary' onClick={onRemind}>
              开课提醒我
            </Button>
          )}
          <Button id={`cancel-${signup.classId}`} size='small' round plain onClick={onCancel}>
            取消报名
          </Button>
        </View>
      ) : null}
    </View>
  )
}
