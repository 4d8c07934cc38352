import { Image, View } from '@tarojs/components'
import type { PublicProfile } from '@cloud/contracts/identity'
import { fileSrc } from '@/shared/cloud'

/** A member as teams show them: avatar (or the nickname's first character) and nickname, never an id. */
export default function MemberFace({ member }: { member: PublicProfile }) {
  return member.avatarFileId ? (
    <Image className='community__face' src={fileSrc(member.avatarFileId)} mode='aspectFill' />
  ) : (
    <View className='community__face community__face--text'>{[...member.nickname][0] ?? '学'}</View>
  )
}
