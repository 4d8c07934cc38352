import { Image, View } from '@tarojs/components'
import { fileSrc } from '@/shared/cloud'
import './member-avatar.scss'

/** A round avatar, or the first character of the nickname until the member has chosen one. */
export default function MemberAvatar({
  nickname,
  avatarFileId,
  size = 'normal',
}: {
  nickname: string
  avatarFileId: string
  size?: 'normal' | 'large'
}) {
  const className = `member-avatar member-avatar--${size}`
  if (avatarFileId) return <Image className={className} src={fileSrc(avatarFileId)} mode='aspectFill' />
  return <View className={`${className} member-avatar--empty`}>{[...(nickname || '学')][0]}</View>
}
