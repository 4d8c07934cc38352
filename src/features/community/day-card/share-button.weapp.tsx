import { Button } from '@tarojs/components'
import type { DayCardShareProps } from './share-button.types'

/** `open-type="share"`: WeChat's share sheet with the page's onShareAppMessage card (the camp, with the sharer's code). */
export default function DayCardShare({ id }: Pick<DayCardShareProps, 'id' | 'target' | 'inviterCode'>) {
  return (
    <Button id={id} className='day-card__share' openType='share'>
      转发给好友
    </Button>
  )
}
