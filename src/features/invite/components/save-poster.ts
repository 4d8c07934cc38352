import Taro from '@tarojs/taro'
import type { PosterContent, SaveOutcome } from './save-poster.types'

/** H5 cannot write to a phone's album: the poster's code opens full size, where a long press saves it. */
export const SAVE_LABEL = '查看大图（长按保存）'

export async function savePoster(poster: PosterContent): Promise<SaveOutcome> {
  try {
    await Taro.previewImage({ urls: [poster.qrUrl], current: poster.qrUrl })
  } catch {
    globalThis.open?.(poster.qrUrl, '_blank')
  }
  return { ok: true, message: '长按图片即可保存或转发' }
}
