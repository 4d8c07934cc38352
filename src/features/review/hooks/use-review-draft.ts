import { useCallback, useEffect, useState } from 'react'
import type { ReviewOpenView } from '@cloud/contracts/review-views'
import { formOf, type ReviewForm } from '../review-form'

interface Draft {
  /** Which item and review version the draft was started from. */
  key: string
  form: ReviewForm
  /** Returning for redo (new review), or keeping/making the edited review a return. */
  returning: boolean
}

const EMPTY: ReviewForm = { comment: '', score: null, featured: false, reason: '', annotatedImages: [] }

const keyOf = (view: ReviewOpenView | null) =>
  view ? `${view.item.id}|${view.review ? `${view.review.id}:${view.review.editedAt ?? view.review.reviewedAt}` : ''}` : ''

const fresh = (view: ReviewOpenView | null): Draft => ({
  key: keyOf(view),
  form: view ? formOf(view) : EMPTY,
  returning: !!view?.review?.editable && view.review.outcome.value === 'returned',
})

/**
 * The form of the item on screen. A new item, or a review that changed on the server, starts a fresh draft from what
 * the server has — derived during render, so the inputs never show the previous item's text for a frame. Re-reading
 * the same review (e.g. after moderating) keeps what the teacher has typed.
 */
export function useReviewDraft(view: ReviewOpenView | null, onNewItem: (view: ReviewOpenView) => void) {
  const [draft, setDraft] = useState<Draft>(() => fresh(view))
  const key = keyOf(view)
  const current = draft.key === key ? draft : fresh(view)

  const update = useCallback(
    (change: (d: Draft) => Draft) => setDraft((d) => change(d.key === key ? d : fresh(view))),
    // `view` is read only when its key changed.
    [key],
  )

  useEffect(() => {
    if (view) onNewItem(view)
    // A new draft means a new item or review version: exactly when `key` changes.
  }, [key])

  return {
    form: current.form,
    returning: current.returning,
    patch: (p: Partial<ReviewForm>) => update((d) => ({ ...d, form: { ...d.form, ...p } })),
    setReturning: (returning: boolean) => update((d) => ({ ...d, returning })),
  }
}
