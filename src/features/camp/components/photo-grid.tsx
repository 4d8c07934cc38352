import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { DraftPhoto } from '../composer-model'
import './photo-grid.scss'

interface PhotoGridProps {
  photos: DraftPhoto[]
  /** Shows the 添加 tile while fewer than this many photos are picked. */
  max: number
  onAdd?: () => void
  onRemove?: (key: string) => void
  /** Ids of the cells are `{idPrefix}-{i}`, so two grids on one card stay apart. */
  idPrefix?: string
}

const STATE_TEXT: Record<DraftPhoto['state'], string> = { uploading: '上传中', done: '', failed: '上传失败' }

/** Three-column thumbnails with upload state; a tap previews in WeChat's image viewer. */
export default function PhotoGrid({ photos, max, onAdd, onRemove, idPrefix = 'photo' }: PhotoGridProps) {
  const urls = photos.map((p) => p.preview)
  const preview = (current: string) => void Taro.previewImage({ current, urls }).catch(() => undefined)
  return (
    <View className='photo-grid'>
      {photos.map((p, i) => (
        <View key={p.key} id={`${idPrefix}-${i}`} className={`photo-grid__cell photo-grid__cell--${p.state}`}>
          <Image aria-label='查看大图' className='photo-grid__image' src={p.preview} mode='aspectFill' onClick={() => preview(p.preview)} />
          {STATE_TEXT[p.state] ? <View className='photo-grid__state'>{STATE_TEXT[p.state]}</View> : null}
          {onRemove ? (
            <View
              aria-label='删除图片'
              role='button'
              id={`photo-remove-${i}`}
              className='photo-grid__remove'
              onClick={() => onRemove(p.key)}
            >
              ×
            </View>
          ) : null}
        </View>
      ))}
      {onAdd && photos.length < max ? (
        <View role='button' id='photo-add' className='photo-grid__cell photo-grid__add' onClick={onAdd}>
          <View className='photo-grid__plus'>+</View>
          <View>
            {photos.length}/{max}
          </View>
        </View>
      ) : null}
    </View>
  )
}
