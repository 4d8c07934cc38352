import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { sharePath } from '@/shared/share/share-path'
import { loadInviteCode } from '@/shared/share/use-share'
import type { ShareCardButtonProps } from './types'
import './index.scss'

/**
 * Local mode (H5) has no share sheet: the button opens the card as a group member would see it after the share, with
 * the sharer's code in its path as the weapp card has it.
 */
export default function ShareCardButton({ id, label, card }: ShareCardButtonProps) {
  const open = async () => void Taro.navigateTo({ url: sharePath(card, await loadInviteCode()) })
  return (
    <Button id={id} className='share-card-button' onClick={() => void open()}>
      {label}
    </Button>
  )
}
