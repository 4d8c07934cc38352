import { useState } from 'react'
import { View } from '@tarojs/components'
import type { MemberPick } from '@cloud/contracts/identity'
import LoadMore from '@/shared/ui/load-more'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import { navigateTo, useOnReturn } from '@/shared/route'
import MemberPicker from '@/shared/member-picker'
import { auditTrail } from '../../api'
import RoleGate from '@/shared/ui/role-gate'
import AuditRow from '../../components/audit-row'
import './index.scss'
import PageState from '@/shared/ui/page-state'

function Trail() {
  const [member, setMember] = useState<MemberPick | null>(null)
  const list = usePagedList((before?: number) => auditTrail(member?.handle ?? '', before), [member?.handle])

  useListPageEvents(list)
  // Back from the reversal page: show the reversal and the 已冲正 mark.
  useOnReturn(() => void list.reload())

  return (
    <View className='audit'>
      {member ? (
        <View className='audit__filter'>
          <View id='audit-filter-name' className='audit__filtered'>
            只看 {member.nickname}
          </View>
          <View role='button' id='audit-filter-clear' className='audit__link' onClick={() => setMember(null)}>
            看全部
          </View>
        </View>
      ) : (
        <MemberPicker id='audit-member' placeholder='按昵称或手机尾号筛选学员' onPick={setMember} />
      )}
      <View className='audit__links'>
        <View role='button' id='audit-go-reverse' className='audit__link' onClick={() => void navigateTo('mall-admin/reverse')}>
          冲正一笔记录 ›
        </View>
      </View>
      <PageState load={list.load} onRetry={() => void list.reload()} empty={member ? '该学员还没有积分记录' : '还没有积分记录'}>
        {(items) => (
          <View className='audit__list'>
            {items.map((item) => (
              <AuditRow key={item.id} item={item} />
            ))}
            <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
          </View>
        )}
      </PageState>
    </View>
  )
}

export default function AuditPage() {
  return (
    <RoleGate role='admin'>
      <Trail />
    </RoleGate>
  )
}
