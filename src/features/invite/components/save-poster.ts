import Taro from '@tarojs/taro'
import { paintPoster, POSTER_HEIGHT, POSTER_WIDTH } from './poster-layout'
import type { PosterContent, SaveOutcome } from './save-poster.types'

/** H5 cannot write to a phone's album: the whole poster opens full size, where a long press saves it. */
export const SAVE_LABEL = '查看大图（长按保存）'

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.crossOrigin = 'anonymous'
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('poster code did not load'))
    img.src = src
  })
}

/** The poster drawn on an HTML canvas (the same layout the weapp draws), as a data URL. */
export async function drawPosterH5(poster: PosterContent): Promise<string> {
  const qr = await loadImage(poster.qrUrl)
  const canvas = document.createElement('canvas')
  canvas.width = POSTER_WIDTH
  canvas.height = POSTER_HEIGHT
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d canvas')
  paintPoster(ctx, qr, poster)
  return canvas.toDataURL('image/png')
}

export async function savePoster(poster: PosterContent): Promise<SaveOutcome> {
  let url: string
  try {
    url = await drawPosterH5(poster)
  } catch {
    return { ok: false, message: '海报生成失败，请稍后重试' }
  }
  try {
    await Taro.previewImage({ urls: [url], current: url })
  } catch {
    globalThis.open?.(url, '_blank')
  }
  return { ok: true, message: '长按图片即可保存或转发' }
}
