import { useState } from 'react'
import { Canvas, View } from '@tarojs/components'
import type { PosterView } from '@cloud/contracts/invites'
import Button from '@/shared/ui/button'
import { toast, toastSuccess } from '@/shared/ui/feedback'
import Cell from '@/shared/ui/cell'
import { getPoster, rulesText } from '../../api'
import PosterCard, { POSTER_COPY } from '../../components/poster-card'
import { SAVE_LABEL, savePoster } from '../../components/save-poster'
import { POSTER_CANVAS_ID } from '../../components/save-poster.types'
import { useChatShare } from '@/shared/share/use-share'
import './index.scss'
import { goTo } from '@/shared/route'
import PageState, { Loading, useLoad } from '@/shared/ui/page-state'

/** 邀请好友: the member's poster, saving it, and the reward rules. Sharing itself earns nothing. */
export default function InvitePage() {
  const { load, reload } = useLoad(getPoster, '')
  const [saving, setSaving] = useState(false)
  // 转发 opens the home page with this member's code: a new friend is attributed as after a poster scan. No reward for it.
  useChatShare({
    target: { page: 'home' },
    title: load.status === 'ready' ? `${load.data.nickname || '好友'}邀请你一起来学习` : '邀请你一起来学习',
    inviterCode: load.status === 'ready' ? load.data.code : null,
  })

  const save = async (poster: PosterView) => {
    if (!poster.qrUrl) return
    setSaving(true)
    const outcome = await savePoster({
      nickname: poster.nickname,
      code: poster.code,
      qrUrl: poster.qrUrl,
      qrFileId: poster.qrFileId,
      copy: POSTER_COPY,
    })
    setSaving(false)
    if (outcome.ok) toastSuccess(outcome.message)
    else toast(outcome.message)
  }

  const ready = (poster: PosterView) => (
    <View className='invite'>
      <PosterCard poster={poster} />
      <View className='invite__actions'>
        <Button id='save-poster' type='primary' block round loading={saving} disabled={!poster.qrUrl} onClick={() => void save(poster)}>
          {SAVE_LABEL}
        </Button>
      </View>
      <View id='invite-rules' className='invite__rules'>
        {rulesText(poster.rules)}
      </View>
      <View className='invite__links'>
        <Cell id='invite-mine' title='我的邀请' label='好友进度与奖励' isLink onClick={goTo('invite/invitees')} />
        <Cell id='invite-board' title='邀请排行' isLink onClick={goTo('invite/leaderboard')} />
      </View>
      {process.env.TARO_ENV === 'weapp' ? <Canvas type='2d' id={POSTER_CANVAS_ID} className='invite__canvas' /> : null}
    </View>
  )
  return (
    <PageState load={load} onRetry={() => void reload()} loading={<Loading text='海报生成中…' />}>
      {ready}
    </PageState>
  )
}
