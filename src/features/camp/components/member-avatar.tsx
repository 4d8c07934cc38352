import { Image, View } from '@tarojs/components'
import type { PublicProfile } from '@cloud/contracts/identity'
import { fileSrc } from '@/shared/cloud'
import './member-avatar.scss'

/** A round avatar, or the nickname's first character on a coloured disc when there is no picture yet. */
export default function MemberAvatar({ member }: { member: PublicProfile }) {
  return member.avatarFileId ? (
    <Image className='member-avatar' src={fileSrc(member.avatarFileId)} mode='aspectFill' />
  ) : (
    <View className='member-avatar member-avatar--text'>{[...member.nickname][0] ?? '学'}</View>
  )
}
