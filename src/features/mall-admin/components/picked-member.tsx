import { View } from '@tarojs/components'
import type { MemberPick } from '@cloud/contracts/identity'
import MemberPicker from '@/shared/member-picker'
import './picked-member.scss'

/** The member a form acts on: a search until one is picked, then their name with 更换 to search again. */
export default function PickedMember({
  id,
  label,
  member,
  error,
  onChange,
}: {
  id: string
  label: string
  member: MemberPick | null
  error?: string
  onChange: (member: MemberPick | null) => void
}) {
  return (
    <View className='picked-member'>
      <View className='picked-member__head'>
        <View className='picked-member__label'>
          <View className='picked-member__required'>*</View>
          {label}
        </View>
        {member ? (
          <View className='picked-member__chosen'>
            <View id={`${id}-name`} className='picked-member__name'>
              {member.nickname}
            </View>
            <View role='button' id={`${id}-change`} className='picked-member__change' onClick={() => onChange(null)}>
              更换
            </View>
          </View>
        ) : null}
      </View>
      {member ? null : <MemberPicker id={id} onPick={onChange} />}
      {error && !member ? <View className='picked-member__error'>{error}</View> : null}
    </View>
  )
}
