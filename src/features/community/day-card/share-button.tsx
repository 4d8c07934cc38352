import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { sharePath } from '@/shared/share/share-path'
import type { DayCardShareProps } from './share-button.types'

/** Local mode (H5) has no share sheet: 转发 opens the card's page as a friend opens it, with the sharer's code. */
export default function DayCardShare({ id, target, inviterCode }: DayCardShareProps) {
  return (
    <Button id={id} className='day-card__share' onClick={() => void Taro.navigateTo({ url: sharePath(target, inviterCode) })}>
      转发给好友
    </Button>
  )
}
