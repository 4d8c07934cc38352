import { useRef, useState } from 'react'
import { Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@/shared/ui/button'
import { uploadFile } from '@/shared/cloud'
import { PEN_COLORS } from '@/shared/ui/tokens'
import { reviewUploadPath, voiceFileName } from '../upload-path'
import {
  addNote,
  beginStroke,
  clear,
  emptyAnnotation,
  extendStroke,
  isEmpty,
  isFull,
  MAX_NOTE_CHARS,
  MAX_OPS,
  PEN_LABELS,
  PEN_ORDER,
  undo,
  type PenColour,
  type PenWidth,
  type Point,
} from './annotation-model'
import AnnotateSurface from './annotate-surface'
import type { SurfaceHandle } from './annotate-surface.types'
import './annotator.scss'

interface AnnotatorProps {
  /** The photo's fileID. */
  photo: string
  teacherId: string
  periodId: string
  /** The annotated image is uploaded: its fileID. */
  onDone: (fileId: string) => void
  onCancel: () => void
}

type Status = 'loading' | 'ready' | 'broken' | 'uploading'

/**
 * 图片批注: the teacher draws (five pens, two widths) or writes a short note on one photo of the submission, undoes or
 * clears, and 完成 exports the photo with the marks and uploads it under the teacher's review folder.
 */
export default function Annotator({ photo, teacherId, periodId, onDone, onCancel }: AnnotatorProps) {
  const surface = useRef<SurfaceHandle>(null)
  const [annotation, setAnnotation] = useState(emptyAnnotation)
  const [colour, setColour] = useState<PenColour>('red')
  const [width, setWidth] = useState<PenWidth>('thin')
  const [note, setNote] = useState('')
  const [writing, setWriting] = useState(false)
  const [status, setStatus] = useState<Status>('loading')
  const [error, setError] = useState('')

  const start = (p: Point) => {
    if (status !== 'ready') return
    if (isFull(annotation)) return void Taro.showToast({ title: `最多 ${MAX_OPS} 笔，请先撤销`, icon: 'none' })
    if (writing) {
      if (!note.trim()) return void Taro.showToast({ title: '请先输入文字，再点图片放置', icon: 'none' })
      setAnnotation((a) => addNote(a, p, note, colour))
      setNote('')
      setWriting(false)
      return
    }
    setAnnotation((a) => beginStroke(a, p, colour, width))
  }
  const move = (p: Point) => {
    if (status === 'ready' && !writing) setAnnotation((a) => extendStroke(a, p))
  }

  const finish = async () => {
    if (!surface.current || isEmpty(annotation) || status !== 'ready') return
    setStatus('uploading')
    setError('')
    try {
      const file = await surface.current.exportImage()
      const fileId = await uploadFile(reviewUploadPath(teacherId, periodId, voiceFileName(Date.now(), 'png')), file)
      onDone(fileId)
    } catch {
      setStatus('ready')
      setError('上传失败，请重试')
    }
  }

  const uploading = status === 'uploading'
  return (
    <View id='annotator' className='rv-annotate'>
      <View className='rv-annotate__title'>图片批注</View>
      <View className='rv-annotate__stage'>
        <AnnotateSurface
          ref={surface}
          photo={photo}
          annotation={annotation}
          onStart={start}
          onMove={move}
          onReady={() => setStatus('ready')}
          onError={() => setStatus('broken')}
        />
        {status === 'loading' ? (
          <View id='annotate-loading' className='rv-annotate__hint'>
            图片加载中…
          </View>
        ) : null}
        {status === 'broken' ? (
          <View id='annotate-broken' className='rv-annotate__error'>
            图片加载失败，请返回重试
          </View>
        ) : null}
      </View>
      {error ? (
        <View id='annotate-error' className='rv-annotate__error'>
          {error}
        </View>
      ) : null}
      <View className='rv-annotate__pens'>
        {PEN_ORDER.map((c) => (
          <View
            role='button'
            key={c}
            id={`pen-${c}`}
            className={`rv-annotate__pen${c === colour ? ' rv-annotate__pen--on' : ''}`}
            style={{ background: PEN_COLORS[c] }}
            aria-label={`${PEN_LABELS[c]}色笔`}
            onClick={() => setColour(c)}
          />
        ))}
        <View role='button' id='pen-width' className='rv-annotate__tool' onClick={() => setWidth(width === 'thin' ? 'thick' : 'thin')}>
          {width === 'thin' ? '细笔' : '粗笔'}
        </View>
        <View
          role='button'
          id='annotate-write'
          className={`rv-annotate__tool${writing ? ' rv-annotate__tool--on' : ''}`}
          onClick={() => setWriting(!writing)}
        >
          写字
        </View>
      </View>
      {writing ? (
        <View className='rv-annotate__note'>
          <Input
            id='annotate-note-input'
            className='rv-annotate__note-input'
            value={note}
            maxlength={MAX_NOTE_CHARS}
            placeholder='输入文字后，点图片放置'
            onInput={(e) => setNote(e.detail.value)}
          />
        </View>
      ) : null}
      <View className='rv-annotate__bar'>
        <Button id='annotate-cancel' round disabled={uploading} onClick={onCancel}>
          取消
        </Button>
        <Button id='annotate-undo' round disabled={uploading || isEmpty(annotation)} onClick={() => setAnnotation(undo)}>
          撤销
        </Button>
        <Button id='annotate-clear' round disabled={uploading || isEmpty(annotation)} onClick={() => setAnnotation(clear)}>
          清空
        </Button>
        <Button
          id='annotate-done'
          type='primary'
          round
          loading={uploading}
          loadingText='上传中'
          disabled={status !== 'ready' || isEmpty(annotation)}
          onClick={() => void finish()}
        >
          完成
        </Button>
      </View>
    </View>
  )
}
