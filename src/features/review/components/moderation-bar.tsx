import { View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import './moderation-bar.scss'

interface ModerationBarProps {
  label: string
  busy: boolean
  onDecide: (decision: 'pass' | 'reject') => void
}

/** Content security asked a person to look: the teacher clears or rejects it right here. */
export default function ModerationBar({ label, busy, onDecide }: ModerationBarProps) {
  return (
    <View id='moderation-bar' className='rv-moderation'>
      <View className='rv-moderation__text'>内容安全提示：{label}，请确认内容是否合规</View>
      <View className='rv-moderation__actions'>
        <Button id='moderate-reject' size='small' type='danger' plain round disabled={busy} onClick={() => onDecide('reject')}>
          驳回
        </Button>
        <Button id='moderate-pass' size='small' type='primary' round disabled={busy} onClick={() => onDecide('pass')}>
          通过
        </Button>
      </View>
    </View>
  )
}
