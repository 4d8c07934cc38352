import { Button } from '@tarojs/components'
import type { ShareCardButtonProps } from './share-card-button.types'
import './share-card-button.scss'

/** `open-type="share"`: WeChat's share sheet with the page's onShareAppMessage card (the period card, with a ticket). */
export default function ShareCardButton({ id, label }: Pick<ShareCardButtonProps, 'id' | 'label' | 'card'>) {
  return (
    <Button id={id} className='share-card-button' openType='share'>
      {label}
    </Button>
  )
}
