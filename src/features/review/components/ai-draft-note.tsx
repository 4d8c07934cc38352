import { View } from '@tarojs/components'
import type { AiDraft } from '../hooks/use-ai-draft'
import './ai-draft-note.scss'

interface AiDraftNoteProps {
  draft: AiDraft
  onAccept: () => void
  onDismiss: () => void
}

/** The line above the comment editor saying where the comment starts from: the AI draft, or the quick phrases. */
export default function AiDraftNote({ draft, onAccept, onDismiss }: AiDraftNoteProps) {
  const kind = draft.status === 'applied' || draft.status === 'offered' ? 'draft' : draft.status
  return (
    <View id='ai-draft-note' className={`rv-ai-note rv-ai-note--${kind}`}>
      <View id='ai-draft-label' className='rv-ai-note__label'>
        {draft.label}
      </View>
      {draft.status === 'applied' ? (
        <View role='button' id='ai-draft-dismiss' className='rv-ai-note__action' onClick={onDismiss}>
          不用草稿
        </View>
      ) : draft.status === 'offered' ? (
        <View role='button' id='ai-draft-accept' className='rv-ai-note__action' onClick={onAccept}>
          使用草稿
        </View>
      ) : null}
    </View>
  )
}
