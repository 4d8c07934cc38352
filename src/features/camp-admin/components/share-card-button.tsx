import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ShareCardButtonProps } from './share-card-button.types'
import './share-card-button.scss'

/** Local mode (H5) has no share sheet: the button opens the card as a group member would see it after the share. */
export default function ShareCardButton({ id, label, cardPath }: ShareCardButtonProps) {
  return (
    <Button id={id} className='share-card-button' onClick={() => void Taro.navigateTo({ url: cardPath })}>
      {label}
    </Button>
  )
}
