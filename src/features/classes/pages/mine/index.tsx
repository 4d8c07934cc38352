import { View } from '@tarojs/components'
import type { MySignupView } from '@cloud/contracts/class-views'
import Button from '@/shared/ui/button'
import LoadMore from '@/shared/ui/load-more'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import { mySignups } from '../../api'
import { confirmCancel } from '../../cancel'
import { askForReminder } from '../../reminder'
import MySignupCard from '../../components/my-signup-card'
import '../../classes.scss'
import { navigateTo } from '@/shared/route'
import PageState from '@/shared/ui/page-state'

const toList = () => void navigateTo('classes/index')

export default function MyClassesPage() {
  const list = usePagedList(mySignups, [])
  useListPageEvents(list)

  const replace = (next: MySignupView | null) => {
    if (next) list.update((s) => s.id === next.id, next)
  }

  return (
    <PageState
      load={list.load}
      onRetry={() => void list.reload()}
      empty='还没有报名免费课'
      emptyAction={
        <Button id='to-classes' type='primary' round onClick={toList}>
          去看看免费课
        </Button>
      }
    >
      {(signups) => (
        <View className='classes'>
          {signups.map((s) => (
            <MySignupCard
              key={s.id}
              signup={s}
              onOpen={() => void navigateTo('classes/detail', { classId: s.classId })}
              onCancel={() => void confirmCancel(s, null).then(replace)}
              onRemind={() => void askForReminder(s.classId).then(replace)}
            />
          ))}
          <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
        </View>
      )}
    </PageState>
  )
}
