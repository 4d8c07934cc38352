import Taro from '@tarojs/taro'
import type { SaveOutcome, SaveRequest } from './save-image.types'

/** H5 cannot write to a phone's album: the whole image opens full size, where a long press saves it. */
export const SAVE_LABEL = '查看大图（长按保存）'

/** Draws the image and opens it full size (a new tab when the preview cannot open). */
export async function saveImage({ draw, what }: SaveRequest): Promise<SaveOutcome> {
  let url: string
  try {
    url = await draw()
  } catch {
    return { ok: false, message: `${what}生成失败，请稍后重试` }
  }
  try {
    await Taro.previewImage({ urls: [url], current: url })
  } catch {
    globalThis.open?.(url, '_blank')
  }
  return { ok: true, message: '长按图片即可保存或转发' }
}
