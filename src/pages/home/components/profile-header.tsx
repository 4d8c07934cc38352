import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fileSrc } from '@/shared/cloud'
import type { Me } from '@/shared/session'
import type { HomeView } from '../home-data'
import './profile-header.scss'
import { pageUrl } from '@/shared/route'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** Avatar, nickname and the three numbers a member checks first: points, streak, unread reviews. */
export default function ProfileHeader({ me, view, greeting }: { me: Me | null; view: HomeView | null; greeting?: string }) {
  const name = me?.nickname || '同学'
  const avatar = me?.avatarFileId ? fileSrc(me.avatarFileId) : ''
  return (
    <View className='profile-header'>
      <View className='profile-header__who'>
        {avatar ? (
          <Image id='profile-avatar' className='profile-header__avatar' src={avatar} mode='aspectFill' />
        ) : (
          <View id='profile-avatar' className='profile-header__avatar profile-header__avatar--blank'>
            {name.slice(0, 1)}
          </View>
        )}
        <View className='profile-header__names'>
          <View id='profile-name' className='profile-header__name'>
            {greeting ? `${greeting}，${name}` : name}
          </View>
        </View>
      </View>
      <View className='profile-header__stats'>
        <View role='button' id='stat-balance' className='profile-header__stat' onClick={go(pageUrl('points/index'))}>
          <View className='profile-header__value'>{view ? view.balance : '–'}</View>
          <View className='profile-header__label'>积分</View>
        </View>
        <View id='stat-streak' className='profile-header__stat'>
          <View className='profile-header__value'>{view ? view.currentStreak : '–'}</View>
          <View className='profile-header__label'>连续打卡（天）</View>
        </View>
        <View id='stat-unread' className='profile-header__stat'>
          <View className={`profile-header__value${view && view.unread.count > 0 ? ' profile-header__value--alert' : ''}`}>
            {view ? view.unread.count : '–'}
          </View>
          <View className='profile-header__label'>未读点评</View>
        </View>
      </View>
    </View>
  )
}
