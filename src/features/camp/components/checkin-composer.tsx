import { Textarea, View } from '@tarojs/components'
import type { CheckinContent, ContentType } from '@cloud/domain/camp'
import Button from '@/shared/ui/button'
import { draftContent, draftProblem, type CheckinDraft } from '../composer-model'
import { useCheckinDraft } from '../hooks/use-checkin-draft'
import { MAX_IMAGES, MAX_TEXT_CHARS, MAX_VOICE_SEC, textLength } from '../rules'
import PhotoGrid from './photo-grid'
import VoicePlayer from '@/shared/ui/voice/player'
import VoiceRecorder from '@/shared/ui/voice/recorder'
import './checkin-composer.scss'
import { toast } from '@/shared/ui/feedback'

interface CheckinComposerProps {
  memberId: string
  periodId: string
  contentTypes: readonly ContentType[]
  initial?: CheckinDraft
  /** Keep the draft in local storage under this key (draft-store.ts), so a reload does not lose it. */
  storageKey?: string
  submitLabel: string
  busy: boolean
  onSubmit: (content: CheckinContent) => void
  onCancel?: () => void
}

/** Text, up to 9 photos and one voice clip (only the kinds the period allows); checked here before the function sees it. */
export default function CheckinComposer(props: CheckinComposerProps) {
  const { memberId, periodId, contentTypes, initial, storageKey, submitLabel, busy, onSubmit, onCancel } = props
  const { draft, setText, addPhotos, removePhoto, setVoice, removeVoice } = useCheckinDraft(memberId, periodId, initial, storageKey)
  const chars = textLength(draft.text)
  const uploading = [...draft.photos, ...(draft.voice ? [draft.voice] : [])].filter((f) => f.state === 'uploading').length

  const submit = () => {
    if (busy) return
    const problem = draftProblem(draft, contentTypes)
    if (problem) return void toast(problem)
    onSubmit(draftContent(draft))
  }

  return (
    <View className='composer'>
      {contentTypes.includes('text') ? (
        <View className='composer__section'>
          <Textarea
            id='checkin-text'
            className='composer__text'
            value={draft.text}
            maxlength={-1}
            placeholder='写下今天的收获、感受或作业内容…'
            autoHeight
            onInput={(e) => setText(e.detail.value)}
          />
          <View id='checkin-count' className={`composer__count${chars > MAX_TEXT_CHARS ? ' composer__count--over' : ''}`}>
            {chars}/{MAX_TEXT_CHARS}
          </View>
        </View>
      ) : null}
      {contentTypes.includes('image') ? (
        <View className='composer__section'>
          <View className='composer__label'>图片（最多 {MAX_IMAGES} 张）</View>
          <PhotoGrid photos={draft.photos} max={MAX_IMAGES} onAdd={() => void addPhotos()} onRemove={removePhoto} />
        </View>
      ) : null}
      {contentTypes.includes('voice') ? (
        <View className='composer__section'>
          <View className='composer__label'>语音（最长 {MAX_VOICE_SEC} 秒）</View>
          {draft.voice ? (
            <View className='composer__voice'>
              <VoicePlayer id='voice-draft' src={draft.voice.preview} durationSec={draft.voice.durationSec} />
              <View className='composer__voice-state'>
                {draft.voice.state === 'uploading' ? '上传中…' : draft.voice.state === 'failed' ? '上传失败' : ''}
              </View>
              <View role='button' id='voice-remove' className='composer__link' onClick={removeVoice}>
                删除重录
              </View>
            </View>
          ) : (
            <VoiceRecorder id='voice' subject='语音' maxSec={MAX_VOICE_SEC} onRecorded={(clip) => void setVoice(clip)} />
          )}
        </View>
      ) : null}
      {uploading ? (
        <View id='upload-progress' className='composer__progress'>
          正在上传 {uploading} 个文件…
        </View>
      ) : null}
      <View className='composer__actions'>
        {onCancel ? (
          <Button id='checkin-cancel' round plain onClick={onCancel}>
            取消
          </Button>
        ) : null}
        <Button id='checkin-submit' type='primary' round block loading={busy} loadingText='提交中' onClick={submit}>
          {submitLabel}
        </Button>
      </View>
    </View>
  )
}
