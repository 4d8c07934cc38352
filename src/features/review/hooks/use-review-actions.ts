import { useRef, useState } from 'react'
import type { Envelope } from '@/shared/cloud/types'
import type { ReviewOpenView } from '@cloud/contracts/review-views'
import type { VoiceComment } from '@cloud/domain/review'
import { editReview, moderate, returnForRedo, submitReview } from '../api'
import { canFeature, modeOf, overLimit, type ReviewForm } from '../review-form'
import { newRequestId } from '@/shared/request-id'
import { confirm, toast, toastSuccess } from '@/shared/ui/feedback'

export type Busy = null | 'submit' | 'redo' | 'next' | 'moderate'

interface ActionDeps {
  view: ReviewOpenView
  form: ReviewForm
  voice: VoiceComment | null
  voiceUploading: boolean
  /** Editing: whether the review stays (or becomes) a return for redo. */
  returning: boolean
  /** The comment started from the AI draft (sent with a new review). */
  fromDraft: boolean
  next: () => Promise<{ ok: true } | { ok: false; message: string }>
  refresh: () => Promise<void>
  /** A message that stays on the page (e.g. another teacher was faster). */
  setNotice: (message: string) => void
}

const ask = (title: string, content: string, confirmText: string) => confirm({ title, content, confirmText, cancelText: '取消' })

/** What the review page's buttons do: submit / save, return for redo, moderate, move on. */
export function useReviewActions(current: () => ActionDeps | null) {
  const [busy, setBusy] = useState<Busy>(null)
  // Set synchronously: a double tap of 提交点评 in one frame would otherwise send two requests (the second stored as an edit).
  const inFlight = useRef(false)
  // One request id per submission opened here, kept across retries of its submit.
  const requestIds = useRef(new Map<string, string>())
  const requestIdFor = (checkinId: string) => {
    const known = requestIds.current.get(checkinId)
    if (known) return known
    const fresh = newRequestId()
    requestIds.current.set(checkinId, fresh)
    return fresh
  }
  // Buttons exist only while an item is shown, so `current()` is set whenever one of them runs.
  const deps = (): ActionDeps => {
    const d = current()
    if (!d) throw new Error('review action without an item')
    return d
  }

  /** Runs one write; on success moves to the next item (or shows the item as it is now). */
  const write = async (kind: Busy, run: () => Promise<Envelope<unknown>>, done: string, advance: boolean) => {
    const { next, refresh, setNotice } = deps()
    if (inFlight.current) return
    inFlight.current = true
    setBusy(kind)
    const res = await run().finally(() => {
      inFlight.current = false
    })
    if (res.code !== 0) {
      setBusy(null)
      if (res.code === 'REVIEW.ALREADY_REVIEWED') {
        setNotice(res.message)
        return void refresh()
      }
      // An operator moved the item (改派) or another teacher holds it: it is no longer this teacher's to write, so
      // say so and go on with their own queue.
      if (res.code === 'REVIEW.NOT_YOURS' || res.code === 'REVIEW.LEASED') {
        toast(res.message)
        const moved = await next()
        if (!moved.ok) await refresh()
        return
      }
      return void toast(res.message)
    }
    toastSuccess(done)
    const moved = advance ? await next() : null
    if (moved && !moved.ok) toast(moved.message)
    if (!moved || !moved.ok) await refresh()
    setBusy(null)
  }

  const content = () => {
    const { form, voice } = deps()
    return { comment: form.comment.trim(), voice, annotatedImages: form.annotatedImages, score: form.score }
  }

  const ready = (): boolean => {
    if (busy || inFlight.current) return false
    if (!deps().voiceUploading) return true
    toast('语音还在上传，请稍候')
    return false
  }

  const submit = () => {
    const tooLong = overLimit(deps().form, deps().returning)
    if (tooLong) return void toast(tooLong)
    if (!ready()) return
    const { view, form, returning } = deps()
    const draft = { ...content(), featured: form.featured && canFeature(view) && !returning }
    if (modeOf(view) === 'edit') {
      const reason = form.reason.trim()
      if (returning && !reason) return void toast('请填写退回重做的原因')
      return void write('submit', () => editReview(view.item.id, draft, returning ? reason : null), '已保存修改', false)
    }
    if (!draft.comment && !draft.voice && draft.score === null && draft.annotatedImages.length === 0) {
      return void toast('请填写评语、录制语音或打分')
    }
    const requestId = requestIdFor(view.item.id)
    const fromDraft = deps().fromDraft && !!draft.comment
    void write('submit', () => submitReview(view.item.id, { ...draft, fromDraft }, requestId), '已点评', true)
  }

  const returnRedo = async () => {
    if (!ready()) return
    const { view, form } = deps()
    const reason = form.reason.trim()
    if (!reason) return void toast('请填写退回重做的原因')
    const tooLong = overLimit(form, true)
    if (tooLong) return void toast(tooLong)
    if (!(await ask('退回重做', `学员可以重新提交一次这天的打卡。退回原因：${reason}`, '确定退回'))) return
    await write('redo', () => returnForRedo(view.item.id, content(), reason), '已退回重做', true)
  }

  const decide = async (decision: 'pass' | 'reject') => {
    if (!ready()) return
    const { view } = deps()
    const confirmed =
      decision === 'pass'
        ? await ask('通过审核', '确认内容合规？通过后本期同学可以看到这份打卡。', '通过')
        : await ask('驳回内容', '驳回后内容将被隐藏，学员还有重做机会时可重新提交一次。确定驳回吗？', '驳回')
    if (!confirmed) return
    await write('moderate', () => moderate(view.item.id, decision), decision === 'pass' ? '已通过' : '已驳回', false)
  }

  const skip = async () => {
    if (busy) return
    setBusy('next')
    const moved = await deps().next()
    setBusy(null)
    if (!moved.ok) toast(moved.message)
  }

  return { busy, submit, returnRedo, decide, skip }
}
