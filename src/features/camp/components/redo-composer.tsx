import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { MyCheckinView } from '@cloud/contracts/camp-results'
import type { ContentType } from '@cloud/domain/camp'
import { fileSrc } from '@/shared/cloud'
import Empty from '@/shared/ui/empty'
import LoadError from '@/shared/ui/load-error'
import { useSubmission } from '@/shared/request-id/use-submission'
import { editCheckin, myCheckin } from '../api'
import { draftFrom } from '../composer-model'
import { draftKey, forgetDraft } from '../draft-store'
import CheckinComposer from './checkin-composer'
import ReviewNote from './review-note'
import './redo-composer.scss'
import { toast, toastSuccess } from '@/shared/ui/feedback'
import { Loading } from '@/shared/ui/page-state'

type Load = { status: 'loading' } | { status: 'ok'; view: MyCheckinView } | { status: 'error'; message: string }

interface RedoComposerProps {
  memberId: string
  periodId: string
  day: string
  contentTypes: readonly ContentType[]
  /** After a successful resubmission. */
  onDone: () => void
}

/**
 * The redo composer a redo request leads to (any day of the period): the teacher's reason on top, the returned
 * check-in as the starting draft, and `editCheckin` for that day on submit.
 */
export default function RedoComposer({ memberId, periodId, day, contentTypes, onDone }: RedoComposerProps) {
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const submission = useSubmission()

  const fetchDay = useCallback(async () => {
    const res = await myCheckin(periodId, day)
    setLoad(res.code === 0 ? { status: 'ok', view: res.data } : { status: 'error', message: res.message })
  }, [periodId, day])
  useEffect(() => void fetchDay(), [fetchDay])

  if (load.status === 'loading') return <Loading />
  if (load.status === 'error') return <LoadError message={load.message} onRetry={() => void fetchDay()} />
  const { view } = load
  if (!view.checkin || !view.canRedo) {
    return <Empty description={view.checkin ? '这次打卡已经不需要重新提交了' : '这天没有打卡记录'} />
  }
  const key = draftKey(periodId, day, 'redo')
  return (
    <View id='redo-composer' className='redo'>
      <View className='redo__title'>重新提交第 {view.checkin.dayIndex} 天的打卡</View>
      {view.review ? <ReviewNote review={view.review} /> : null}
      <CheckinComposer
        memberId={memberId}
        periodId={periodId}
        contentTypes={contentTypes}
        initial={draftFrom(view.checkin.content, fileSrc)}
        storageKey={key}
        submitLabel='重新提交'
        busy={submission.busy}
        onSubmit={(content) =>
          void submission
            .run(() => editCheckin(periodId, day, content))
            .then((res) => {
              if (!res) return
              if (res.code !== 0) return void toast(res.message)
              forgetDraft(key)
              toastSuccess('已重新提交')
              onDone()
            })
        }
      />
    </View>
  )
}
