import { Image, View } from '@tarojs/components'
import type { PosterView } from '@cloud/contracts/invites'
import MemberAvatar from './member-avatar'
import './poster-card.scss'

export const POSTER_COPY = '我在这里陪孩子打卡学习，邀你一起来！'

/**
 * The poster as shown on the page: who invites, one line of copy, the mini-program code and the invite code. The code
 * is square in a square box, so scaleToFill shows it whole at exactly the box (H5's aspectFit positions the image
 * absolutely from the text line, which the centred card pushed right).
 */
export default function PosterCard({ poster }: { poster: PosterView }) {
  return (
    <View id='invite-poster' className='poster-card'>
      <View className='poster-card__head'>
        <MemberAvatar nickname={poster.nickname} avatarFileId={poster.avatarFileId} size='large' />
        <View className='poster-card__name'>{poster.nickname}</View>
      </View>
      <View className='poster-card__copy'>{POSTER_COPY}</View>
      {poster.qrUrl ? (
        <Image id='invite-qr' className='poster-card__qr' src={poster.qrUrl} mode='scaleToFill' showMenuByLongpress />
      ) : (
        <View className='poster-card__qr poster-card__qr--missing'>小程序码暂时无法显示，请下拉刷新</View>
      )}
      <View id='invite-code' className='poster-card__code'>
        邀请码 {poster.code}
      </View>
      <View className='poster-card__hint'>长按识别小程序码，和我一起学习</View>
    </View>
  )
}
