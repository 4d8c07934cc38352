import { useEffect, useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@/shared/ui/button'
import Empty from '@/shared/ui/empty'
import { redirectTo, routeParam, useRouteParam } from '@/shared/route'
import { replaceRouteParam } from '@/shared/route/replace-param'
import type { Me } from '@/shared/session'
import Annotator from '../../annotate/annotator'
import CheckinContent from '../../components/checkin-content'
import ItemHeader from '../../components/item-header'
import ModerationBar from '../../components/moderation-bar'
import ReviewCard from '../../components/review-card'
import ReviewFormPanel from '../../components/review-form-panel'
import RoleGate from '@/shared/ui/role-gate'
import AiDraftNote from '../../components/ai-draft-note'
import { useAiDraft } from '../../hooks/use-ai-draft'
import { usePhrases } from '../../hooks/use-phrases'
import { useReviewDraft } from '../../hooks/use-review-draft'
import { useReviewActions } from '../../hooks/use-review-actions'
import { useReviewSession } from '../../hooks/use-review-session'
import { useVoiceComment } from '../../hooks/use-voice-comment'
import { filterFromParams } from '../../queue-filter'
import { canFeature, MAX_ANNOTATIONS, modeOf } from '../../review-form'
import { toast } from '@/shared/ui/feedback'
import './index.scss'
import { Loading } from '@/shared/ui/page-state'

const backToList = () => void Taro.navigateBack().catch(() => redirectTo('review/index'))

function Reviewer({ me }: { me: Me }) {
  const filter = useMemo(() => filterFromParams(routeParam), [])
  const firstId = useRouteParam('checkinId')
  const { session, open, next, refresh } = useReviewSession(firstId, filter)
  const voice = useVoiceComment(me.openid)
  const phrases = usePhrases()
  const [notice, setNotice] = useState('')
  /** The photo (fileID) open in the annotator. */
  const [annotating, setAnnotating] = useState<string | null>(null)
  const view = session.status === 'ready' ? session.view : null
  const { form, returning, patch, setReturning } = useReviewDraft(view, (v) => voice.reset(v.review?.editable ? v.review.voice : null))
  const ai = useAiDraft(view, filter, form.comment, (comment) => patch({ comment }))
  const itemId = view ? view.item.id : ''
  useEffect(() => {
    setNotice('')
    setAnnotating(null)
  }, [itemId])
  // Moving on (auto-advance or 下一条) shows another check-in: the page's address names it, so a reload stays on it.
  useEffect(() => {
    if (itemId && itemId !== routeParam('checkinId')) replaceRouteParam('checkinId', itemId)
  }, [itemId])

  const actions = useReviewActions(
    () =>
      view && {
        view,
        form,
        voice: voice.voice,
        voiceUploading: voice.uploading,
        returning,
        fromDraft: ai.fromDraft,
        next,
        refresh,
        setNotice,
      },
  )

  if (session.status === 'loading') return <Loading />
  if (session.status === 'error') {
    return (
      <Empty description={session.message}>
        {/* Dealt to another teacher or no longer waiting: trying again cannot help, the list can. */}
        {session.code === 'REVIEW.NOT_YOURS' || session.code === 'REVIEW.NOT_WAITING' ? null : (
          <Button id='retry' type='primary' round onClick={() => void (view ? refresh() : open(firstId))}>
            重试
          </Button>
        )}
        <Button id='back-to-list' round plain onClick={backToList}>
          返回工作台
        </Button>
      </Empty>
    )
  }
  if (session.status === 'done' || !view) {
    return (
      <Empty description='这个队列已经点评完了'>
        <Button id='back-to-list' type='primary' round onClick={backToList}>
          返回工作台
        </Button>
      </Empty>
    )
  }

  const mode = modeOf(view)
  const busy = actions.busy
  const annotate = (photo: string) =>
    form.annotatedImages.length >= MAX_ANNOTATIONS ? toast(`最多添加 ${MAX_ANNOTATIONS} 张批注图片`) : setAnnotating(photo)
  return (
    <View className='rv-page'>
      {notice ? (
        <View id='review-notice' className='rv-page__notice'>
          {notice}
        </View>
      ) : null}
      {view.item.flagged ? (
        <ModerationBar label={view.item.moderation.label} busy={!!busy} onDecide={(d) => void actions.decide(d)} />
      ) : null}
      <View className='rv-page__section'>
        <ItemHeader view={view} />
        <CheckinContent content={view.content} speeds onAnnotate={mode === 'readonly' ? undefined : annotate} />
      </View>
      {view.review && mode === 'readonly' ? (
        <View className='rv-page__section'>
          <ReviewCard review={view.review} title={`${view.review.reviewer.name}的点评`} />
        </View>
      ) : (
        <ReviewFormPanel
          form={form}
          onChange={patch}
          phrases={phrases}
          scoreOptions={view.scoreOptions}
          voice={voice.state}
          onRecorded={(clip) => void voice.attach(clip, view.item.periodId)}
          onRemoveVoice={voice.remove}
          featureBlocked={canFeature(view) ? null : '内容审核通过后才能设为精选'}
          showReason={returning}
          commentNote={mode === 'new' && ai.draft ? <AiDraftNote draft={ai.draft} onAccept={ai.accept} onDismiss={ai.dismiss} /> : null}
        />
      )}
      {annotating && mode !== 'readonly' ? (
        <Annotator
          photo={annotating}
          teacherId={me.openid}
          periodId={view.item.periodId}
          onCancel={() => setAnnotating(null)}
          onDone={(fileId) => {
            setAnnotating(null)
            patch({ annotatedImages: [...form.annotatedImages, fileId] })
          }}
        />
      ) : null}
      <View className='rv-page__bar'>
        {mode === 'readonly' ? null : returning && mode === 'new' ? (
          <Button id='redo-cancel' round disabled={!!busy} onClick={() => setReturning(false)}>
            取消退回
          </Button>
        ) : mode === 'new' ? (
          <Button id='redo-start' round disabled={!!busy} onClick={() => setReturning(true)}>
            退回重做
          </Button>
        ) : (
          <Button id='redo-toggle' round disabled={!!busy} onClick={() => setReturning(!returning)}>
            {returning ? '改为通过' : '改为退回'}
          </Button>
        )}
        <Button id='review-next' round loading={busy === 'next'} disabled={!!busy} onClick={() => void actions.skip()}>
          下一条
        </Button>
        {mode === 'readonly' ? null : returning && mode === 'new' ? (
          <Button
            id='redo-confirm'
            type='danger'
            round
            loading={busy === 'redo'}
            loadingText='提交中'
            onClick={() => void actions.returnRedo()}
          >
            确认退回
          </Button>
        ) : (
          <Button id='review-submit' type='primary' round loading={busy === 'submit'} loadingText='提交中' onClick={actions.submit}>
            {mode === 'edit' ? '保存修改' : '提交点评'}
          </Button>
        )}
      </View>
    </View>
  )
}

export default function ReviewPage() {
  return (
    <RoleGate role='staff' refusal='仅带班老师可以使用点评工作台'>
      {(me) => <Reviewer me={me} />}
    </RoleGate>
  )
}
