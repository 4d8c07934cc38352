import { useState } from 'react'
import { View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import LoadMore from '@/shared/ui/load-more'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import type { InviteeCursor } from '@cloud/contracts/invites'
import { listInvitees, rulesText, type InviteSummary } from '../../api'
import InviteeRow from '../../components/invitee-row'
import './index.scss'
import { redirectTo } from '@/shared/route'
import PageState from '@/shared/ui/page-state'

/** 我的邀请: counts, then the friends who arrived through my poster, newest first, each with its reward status. */
export default function InviteesPage() {
  const [summary, setSummary] = useState<InviteSummary | null>(null)
  const list = usePagedList((cursor: InviteeCursor | undefined) => listInvitees(cursor, setSummary), [])
  useListPageEvents(list)

  const counts = summary?.counts
  return (
    <PageState load={list.load} onRetry={() => void list.reload()}>
      {(items) => (
        <View className='invitees'>
          {counts ? (
            <View id='invite-counts' className='invitees__counts'>
              <View className='invitees__count'>
                <View className='invitees__number'>{counts.invited}</View>已邀请
              </View>
              <View className='invitees__count'>
                <View className='invitees__number'>{counts.qualified}</View>已完成
              </View>
              <View className='invitees__count'>
                <View id='invite-points' className='invitees__number'>
                  {counts.points}
                </View>
                获得积分
              </View>
            </View>
          ) : null}
          <PageState
            load={list.load}
            onRetry={() => void list.reload()}
            empty='还没有好友通过你的海报加入'
            emptyAction={
              <Button id='go-invite' type='primary' round onClick={() => void redirectTo('invite/index')}>
                去邀请好友
              </Button>
            }
          >
            {() => (
              <View className='invitees__list'>
                {items.map((item) => (
                  <InviteeRow key={item.invitee.id} item={item} />
                ))}
                <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
              </View>
            )}
          </PageState>
          {summary ? <View className='invitees__rules'>{rulesText(summary.rules)}</View> : null}
        </View>
      )}
    </PageState>
  )
}
