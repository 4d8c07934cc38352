import { View } from '@tarojs/components'
import { listCamps } from '../../api'
import CampCard from '../../components/camp-card'
import './index.scss'
import { navigateTo } from '@/shared/route'
import PageState, { useLoad } from '@/shared/ui/page-state'

export default function CampListPage() {
  const { load, reload } = useLoad(listCamps, '')
  return (
    <PageState
      load={load}
      onRetry={() => void reload()}
      empty='暂时还没有开放的打卡营，敬请期待'
      isEmpty={(page) => page.items.length === 0}
    >
      {(page) => (
        <View className='camps'>
          {page.items.map((camp) => (
            <CampCard key={camp.id} camp={camp} onClick={() => void navigateTo('camp/detail', { campId: camp.id })} />
          ))}
        </View>
      )}
    </PageState>
  )
}
