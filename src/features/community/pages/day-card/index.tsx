import { useEffect, useState } from 'react'
import { Canvas, Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { DayCardView } from '@cloud/contracts/community'
import { SAVE_LABEL, saveImage } from '@/shared/canvas/save-image'
import { useRouteParam } from '@/shared/route'
import type { ShareTarget } from '@/shared/share/share-path'
import { useChatShare } from '@/shared/share/use-share'
import Button from '@/shared/ui/button'
import { toast, toastSuccess } from '@/shared/ui/feedback'
import PageState, { Loading, useLoad } from '@/shared/ui/page-state'
import { dayCard } from '../../api'
import { drawDayCard } from '../../day-card/draw-day-card'
import { DAY_CARD_CANVAS_ID } from '../../day-card/draw-day-card.types'
import DayCardShare from '../../day-card/share-button'
import './index.scss'

type Drawing = { status: 'drawing' } | { status: 'drawn'; src: string } | { status: 'failed' }

/** A shared 日签 opens the camp, where a friend can join; its path carries the member's code (first touch). */
const shareTarget = (view: DayCardView): ShareTarget => ({ page: 'camp', campId: view.campId, periodId: view.periodId })

const shareTitle = (view: DayCardView) =>
  `我在「${view.campTitle || view.periodTitle}」打卡第 ${view.dayIndex} 天，已连续 ${view.streak} 天！`

function CardBody({ view, drawing, onRedraw }: { view: DayCardView; drawing: Drawing; onRedraw: () => void }) {
  const [saving, setSaving] = useState(false)
  const save = async () => {
    setSaving(true)
    // The card on screen is the one saved; it is drawn again only if the first drawing did not finish.
    const outcome = await saveImage({
      draw: () => (drawing.status === 'drawn' ? Promise.resolve(drawing.src) : drawDayCard(view)),
      what: '日签',
    })
    setSaving(false)
    if (outcome.ok) toastSuccess(outcome.message)
    else toast(outcome.message)
  }
  return (
    <View className='day-card'>
      <View className='day-card__frame'>
        {drawing.status === 'drawing' ? <Loading text='日签绘制中…' inline /> : null}
        {drawing.status === 'drawn' ? (
          <Image id='day-card-image' className='day-card__image' src={drawing.src} mode='widthFix' aria-label={shareTitle(view)} />
        ) : null}
        {drawing.status === 'failed' ? (
          <View id='day-card-failed' className='day-card__failed'>
            日签绘制失败，请重试
            <Button id='redraw' type='primary' round size='small' onClick={onRedraw}>
              重试
            </Button>
          </View>
        ) : null}
      </View>
      <View className='day-card__actions'>
        <Button
          id='save-day-card'
          type='primary'
          block
          round
          loading={saving}
          disabled={drawing.status !== 'drawn'}
          onClick={() => void save()}
        >
          {SAVE_LABEL}
        </Button>
        <DayCardShare id='share-day-card' target={shareTarget(view)} inviterCode={view.code} />
      </View>
      <View id='day-card-hint' className='day-card__hint'>
        好友扫描日签上的小程序码或打开你转发的卡片加入，就是你邀请的好友；分享本身不计积分
      </View>
      {process.env.TARO_ENV === 'weapp' ? <Canvas type='2d' id={DAY_CARD_CANVAS_ID} className='day-card__canvas' /> : null}
    </View>
  )
}

/**
 * 日签: the member's card of a day they checked in (today unless the route names `day`): drawn with Canvas 2D in the
 * weapp and on an HTML canvas in H5, saved to the album, shared as a card that opens the camp with their invite code.
 */
export default function DayCardPage() {
  const periodId = useRouteParam('periodId')
  const day = useRouteParam('day')
  const { load, reload } = useLoad(() => dayCard(periodId, day || undefined), `${periodId}:${day}`)
  const view = load.status === 'ready' ? load.data : null
  const [drawing, setDrawing] = useState<Drawing>({ status: 'drawing' })
  const [round, setRound] = useState(0)

  useEffect(() => {
    if (!view) return
    let gone = false
    setDrawing({ status: 'drawing' })
    // The weapp canvas is in the tree after this render: draw on the next tick.
    Taro.nextTick(() => {
      drawDayCard(view).then(
        (src) => !gone && setDrawing({ status: 'drawn', src }),
        () => !gone && setDrawing({ status: 'failed' }),
      )
    })
    return () => {
      gone = true
    }
  }, [view, round])

  // The card shows the page itself (WeChat's default picture): a 5:4 share picture would crop the tall card.
  useChatShare({
    target: view ? shareTarget(view) : null,
    title: view ? shareTitle(view) : '一起来打卡学习吧！',
    inviterCode: view ? view.code : null,
  })

  return (
    <PageState load={load} onRetry={() => void reload()} loading={<Loading text='日签生成中…' />}>
      {(v) => <CardBody view={v} drawing={drawing} onRedraw={() => setRound((n) => n + 1)} />}
    </PageState>
  )
}
