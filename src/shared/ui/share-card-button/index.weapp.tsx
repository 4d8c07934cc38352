import { Button } from '@tarojs/components'
import type { ShareCardButtonProps } from './types'
import './index.scss'

/** `open-type="share"`: WeChat's share sheet with the page's own onShareAppMessage card. */
export default function ShareCardButton({ id, label }: Pick<ShareCardButtonProps, 'id' | 'label' | 'card'>) {
  return (
    <Button id={id} className='share-card-button' openType='share'>
      {label}
    </Button>
  )
}
