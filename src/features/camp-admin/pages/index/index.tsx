import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { AdminCampView } from '@cloud/contracts/camp-results'
import RoleGate from '@/shared/ui/role-gate'
import Button from '@/shared/ui/button'
import Cell from '@/shared/ui/cell'
import Empty from '@/shared/ui/empty'
import { adminCamps } from '../../api'
import { PERIOD_STATUS_TEXT } from '../../status-label'
import './index.scss'
import { goTo } from '@/shared/route'
import PageState, { useLoad } from '@/shared/ui/page-state'

function CampAdminList() {
  const { load, reload } = useLoad(adminCamps, '')
  // Back from a form: show what was saved.
  useDidShow(() => {
    if (load.status === 'ready') void reload()
  })
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(page) => <CampList camps={page.items} />}
    </PageState>
  )
}

function CampList({ camps }: { camps: AdminCampView[] }) {
  return (
    <View className='camp-admin'>
      <View className='camp-admin__top'>
        <Button id='new-camp' type='primary' round block onClick={goTo('camp-admin/camp-form')}>
          新建打卡营
        </Button>
      </View>
      <Cell id='camp-admin-roles' title='角色管理' label='授予或撤销老师、运营角色' isLink onClick={goTo('camp-admin/roles')} />
      {camps.length === 0 ? <Empty description='还没有打卡营，先新建一个吧' /> : null}
      {camps.map(({ camp, periods, members }) => {
        const campId = camp._id
        return (
          <View key={camp._id} id={`admin-camp-${camp._id}`} className='camp-admin__camp'>
            <View className='camp-admin__head'>
              <View className='camp-admin__title'>
                {camp.title}
                {camp.archived ? <View className='camp-admin__tag'>已归档</View> : null}
              </View>
              <View
                role='button'
                id={`edit-camp-${camp._id}`}
                className='camp-admin__link'
                onClick={goTo('camp-admin/camp-form', { campId })}
              >
                编辑
              </View>
            </View>
            {periods.map((p) => (
              <View
                role='button'
                key={p._id}
                id={`admin-period-${p._id}`}
                className='camp-admin__period'
                onClick={goTo('camp-admin/period', { campId, periodId: p._id })}
              >
                <View>
                  第 {p.index} 期 · {p.lengthDays} 天 · {p.startDay} 开营
                </View>
                <View className={`camp-admin__status camp-admin__status--${p.status}`}>
                  {PERIOD_STATUS_TEXT[p.status]} · {members[p._id] ?? 0}/{p.capacity} 人 ›
                </View>
              </View>
            ))}
            <View
              role='button'
              id={`new-period-${camp._id}`}
              className='camp-admin__add'
              onClick={goTo('camp-admin/period-form', { campId })}
            >
              + 新建一期
            </View>
          </View>
        )
      })}
    </View>
  )
}

export default function CampAdminHome() {
  return (
    <RoleGate role='admin'>
      <CampAdminList />
    </RoleGate>
  )
}
