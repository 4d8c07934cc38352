import { useEffect, useRef, useState } from 'react'
import type { ReviewOpenView } from '@cloud/contracts/review-views'
import { draftComment, prefetchDrafts, type QueueFilter } from '../api'
import { modeOf } from '../review-form'

/**
 * The AI draft of the item on screen (new reviews only):
 *  - loading: asked for, not answered yet;
 *  - applied: the draft is in the editor (the teacher edits or accepts it; the submit says fromDraft);
 *  - offered: the draft came after the teacher started typing, so it waits for 「使用草稿」;
 *  - phrases: no draft (off, slow, out of budget, failed, withheld…): the teacher starts from the quick phrases.
 */
export type AiDraft =
  | { status: 'loading'; label: string }
  | { status: 'applied' | 'offered'; label: string; text: string }
  | { status: 'phrases'; label: string }

export const DRAFT_LOADING = 'AI 草稿生成中…'
export const DRAFT_APPLIED = 'AI 草稿，可修改后提交'
export const DRAFT_OFFERED = 'AI 草稿已生成，点「使用草稿」放入评语'
export const DRAFT_DISMISSED = '已清空 AI 草稿，使用常用语'
const DRAFT_UNAVAILABLE = '暂时没有 AI 草稿，使用常用语'

/**
 * Asks once per opened item for its draft and puts it in the editor if the comment is still empty; then asks the
 * function to prepare the next items' drafts (its answer is not needed). `setComment` writes the editor's comment.
 */
export function useAiDraft(view: ReviewOpenView | null, filter: QueueFilter, comment: string, setComment: (text: string) => void) {
  const id = view && modeOf(view) === 'new' ? view.item.id : ''
  const [state, setState] = useState<{ id: string; draft: AiDraft } | null>(null)
  // Read when the answer arrives: whatever the teacher typed meanwhile wins over the draft.
  const typed = useRef(comment)
  typed.current = comment
  const write = useRef(setComment)
  write.current = setComment

  useEffect(() => {
    if (!id || !view) return
    let live = true
    setState({ id, draft: { status: 'loading', label: DRAFT_LOADING } })
    void draftComment(id).then((res) => {
      if (!live) return
      if (res.code !== 0) return setState({ id, draft: { status: 'phrases', label: DRAFT_UNAVAILABLE } })
      const d = res.data
      if (d.state === 'phrases') return setState({ id, draft: { status: 'phrases', label: d.label } })
      const empty = !typed.current.trim()
      if (empty) write.current(d.text)
      setState({ id, draft: { status: empty ? 'applied' : 'offered', label: empty ? d.label : DRAFT_OFFERED, text: d.text } })
    })
    void prefetchDrafts(filter, view.item.cursor)
    return () => {
      live = false
    }
    // Once per item: `view` changes with every refresh of the same item.
  }, [id])

  // Until the effect has asked, a new item shows the loading line (the note keeps its place from the first frame).
  const draft: AiDraft | null = !id ? null : state && state.id === id ? state.draft : { status: 'loading', label: DRAFT_LOADING }
  return {
    draft,
    /** Whether the comment as it is now started from the draft. */
    fromDraft: draft?.status === 'applied',
    /** 「使用草稿」: replaces the comment with the draft. */
    accept: () => {
      if (draft?.status !== 'offered') return
      write.current(draft.text)
      setState({ id, draft: { ...draft, status: 'applied', label: DRAFT_APPLIED } })
    },
    /** 「不用草稿」: clears the comment; the teacher writes from the phrases. */
    dismiss: () => {
      if (draft?.status !== 'applied') return
      write.current('')
      setState({ id, draft: { status: 'phrases', label: DRAFT_DISMISSED } })
    },
  }
}
