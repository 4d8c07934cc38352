import { useCallback, useEffect, useRef, useState } from 'react'
import type { ReviewOpenView } from '@cloud/contracts/review-views'
import { openNext, openReview, type QueueFilter } from '../api'

export type Session =
  | { status: 'loading' }
  /** `code`: the function's rejection code (REVIEW.LEASED, REVIEW.NOT_YOURS …), or '' for a page-side error. */
  | { status: 'error'; code: string; message: string }
  /** "下一条" found nothing after the last item: the queue is done. */
  | { status: 'done' }
  | { status: 'ready'; view: ReviewOpenView }

/**
 * The item on the review page and the walk through the queue: `next` opens the item after the current one in the
 * same filter, so the teacher never goes back to the list. Answers to an older request are dropped.
 */
export function useReviewSession(firstId: string, filter: QueueFilter) {
  const [session, setSession] = useState<Session>({ status: 'loading' })
  const current = useRef<ReviewOpenView | null>(null)
  const generation = useRef(0)

  const show = useCallback((gen: number, next: Session) => {
    if (gen !== generation.current) return
    current.current = next.status === 'ready' ? next.view : current.current
    setSession(next)
  }, [])

  /** Opens (or re-opens, after a change) one check-in. */
  const open = useCallback(
    async (checkinId: string) => {
      const gen = ++generation.current
      const res = await openReview(checkinId)
      show(gen, res.code === 0 ? { status: 'ready', view: res.data } : { status: 'error', code: res.code, message: res.message })
    },
    [show],
  )

  /** Moves on; false when the call failed (the current item stays, the caller shows why). */
  const next = useCallback(async (): Promise<{ ok: true } | { ok: false; message: string }> => {
    const from = current.current
    if (!from) return { ok: true }
    const gen = ++generation.current
    const res = await openNext(filter, from.item.cursor)
    if (res.code !== 0) return { ok: false, message: res.message }
    show(gen, res.data ? { status: 'ready', view: res.data } : { status: 'done' })
    return { ok: true }
  }, [filter, show])

  const refresh = useCallback(() => (current.current ? open(current.current.item.id) : Promise.resolve()), [open])

  useEffect(() => {
    if (firstId) void open(firstId)
    else setSession({ status: 'error', code: '', message: '缺少打卡编号' })
  }, [firstId, open])

  return { session, open, next, refresh }
}
