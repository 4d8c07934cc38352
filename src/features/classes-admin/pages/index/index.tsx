import { View } from '@tarojs/components'
import Cell from '@/shared/ui/cell'
import LoadMore from '@/shared/ui/load-more'
import { isAdmin } from '@/shared/session'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import { adminClasses } from '../../api'
import RoleGate from '@/shared/ui/role-gate'
import '../../classes-admin.scss'
import { goTo } from '@/shared/route'
import PageState from '@/shared/ui/page-state'

function ClassList() {
  const list = usePagedList(adminClasses, [])
  useListPageEvents(list)
  return (
    <PageState load={list.load} onRetry={() => void list.reload()} empty='还没有免费课'>
      {(classes) => (
        <View>
          {classes.map((c) => (
            <Cell
              key={c.id}
              id={`admin-class-${c.id}`}
              title={c.title}
              value={c.onShelf ? '报名中' : '已下架'}
              label={`${c.subjectLabel} · ${c.gradeLabels.join('、')} · ${c.teacherName}`}
              isLink
              onClick={goTo('classes-admin/form', { classId: c.id })}
            />
          ))}
          <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
        </View>
      )}
    </PageState>
  )
}

export default function ClassesAdminHome() {
  return (
    <RoleGate role='staff'>
      {(me) => (
        <View className='classes-admin'>
          <View className='classes-admin__group'>
            <Cell
              id='admin-leads'
              title='销售线索'
              label='按阶段跟进：新线索 → 已联系 → 已约诊断 → 已付费 / 已流失'
              isLink
              onClick={goTo('classes-admin/leads')}
            />
            {isAdmin(me) ? <Cell id='admin-new-class' title='新建免费课' isLink onClick={goTo('classes-admin/form')} /> : null}
          </View>
          <View className='classes-admin__section'>全部免费课（点开查看场次与名单）</View>
          <ClassList />
        </View>
      )}
    </RoleGate>
  )
}
