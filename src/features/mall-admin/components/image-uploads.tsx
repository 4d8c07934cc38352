import { useState } from 'react'
import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fileSrc, uploadFile } from '@/shared/cloud'
import './image-uploads.scss'
import { toast } from '@/shared/ui/feedback'

const ext = (path: string) => /\.([A-Za-z0-9]{1,5})$/.exec(path)?.[1]?.toLowerCase() ?? 'jpg'
const itemImagePath = (path: string) => `mall-items/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.${ext(path)}`

interface ImageUploadsProps {
  id: string
  /** Uploaded fileIDs, the first is the cover. */
  images: string[]
  max: number
  error?: string
  onChange: (images: string[]) => void
}

/** Item images picked from the album or camera and uploaded to cloud storage: thumbnails, remove, add more. */
export default function ImageUploads({ id, images, max, error, onChange }: ImageUploadsProps) {
  const [uploading, setUploading] = useState(false)

  const add = async () => {
    if (uploading || images.length >= max) return
    let paths: string[]
    try {
      const picked = await Taro.chooseMedia({ count: max - images.length, mediaType: ['image'], sizeType: ['compressed'] })
      paths = picked.tempFiles.map((f) => f.tempFilePath)
    } catch {
      return // the picker was closed
    }
    if (paths.length === 0) return
    setUploading(true)
    try {
      const uploaded = await Promise.all(paths.map((p) => uploadFile(itemImagePath(p), p)))
      onChange([...images, ...uploaded].slice(0, max))
    } catch {
      toast('图片上传失败，请重试')
    } finally {
      setUploading(false)
    }
  }

  return (
    <View className='image-uploads'>
      <View className='image-uploads__label'>商品图片（第一张为封面，最多 {max} 张）</View>
      <View className='image-uploads__grid'>
        {images.map((fileId, i) => (
          <View key={fileId} id={`${id}-${i}`} className='image-uploads__cell'>
            <Image className='image-uploads__image' src={fileSrc(fileId)} mode='aspectFill' />
            {i === 0 ? <View className='image-uploads__cover'>封面</View> : null}
            <View
              aria-label='删除图片'
              role='button'
              id={`${id}-remove-${i}`}
              className='image-uploads__remove'
              onClick={() => onChange(images.filter((_, k) => k !== i))}
            >
              ×
            </View>
          </View>
        ))}
        {images.length < max ? (
          <View role='button' id={`${id}-add`} className='image-uploads__cell image-uploads__add' onClick={() => void add()}>
            {uploading ? '上传中…' : '+ 上传图片'}
          </View>
        ) : null}
      </View>
      {error ? <View className='image-uploads__error'>{error}</View> : null}
    </View>
  )
}
