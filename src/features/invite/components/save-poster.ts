import { loadHtmlImage } from '@/shared/canvas/html-image'
import { saveImage } from '@/shared/canvas/save-image'
import { paintPoster, POSTER_HEIGHT, POSTER_WIDTH } from './poster-layout'
import type { PosterContent, SaveOutcome } from './save-poster.types'

/** H5 cannot write to a phone's album: the whole poster opens full size, where a long press saves it. */
export { SAVE_LABEL } from '@/shared/canvas/save-image'

/** The poster drawn on an HTML canvas (the same layout the weapp draws), as a data URL. */
export async function drawPosterH5(poster: PosterContent): Promise<string> {
  const qr = await loadHtmlImage(poster.qrUrl)
  const canvas = document.createElement('canvas')
  canvas.width = POSTER_WIDTH
  canvas.height = POSTER_HEIGHT
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d canvas')
  paintPoster(ctx, qr, poster)
  return canvas.toDataURL('image/png')
}

export const savePoster = (poster: PosterContent): Promise<SaveOutcome> => saveImage({ draw: () => drawPosterH5(poster), what: '海报' })
