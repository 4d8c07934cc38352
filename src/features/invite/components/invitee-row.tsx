import { View } from '@tarojs/components'
import type { InviteeView } from '@cloud/contracts/invites'
import { formatDateTime } from '@/shared/time'
import MemberAvatar from './member-avatar'
import './invitee-row.scss'

/** One invitee: who, when they arrived, the invite's status and, where it says why, the reason. */
export default function InviteeRow({ item }: { item: InviteeView }) {
  return (
    <View id={`invitee-${item.invitee.id}`} className='invitee-row'>
      <MemberAvatar nickname={item.invitee.nickname} avatarFileId={item.invitee.avatarFileId} />
      <View className='invitee-row__body'>
        <View className='invitee-row__name'>{item.invitee.nickname}</View>
        <View className='invitee-row__meta'>{formatDateTime(item.claimedAt)} 加入</View>
        {item.note ? <View className='invitee-row__note'>{item.note}</View> : null}
      </View>
      <View className={`invitee-row__status invitee-row__status--${item.status}`}>
        {item.statusLabel}
        {item.points > 0 ? ` +${item.points}` : ''}
      </View>
    </View>
  )
}
