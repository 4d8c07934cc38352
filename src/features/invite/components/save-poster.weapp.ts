import { saveImage } from '@/shared/canvas/save-image.weapp'
import { drawPoster } from './draw-poster.weapp'
import type { PosterContent, SaveOutcome } from './save-poster.types'

export { SAVE_LABEL } from '@/shared/canvas/save-image.weapp'

/** The album permission flow (shared/canvas/save-image), then the poster drawn on the page's canvas and saved. */
export const savePoster = (poster: PosterContent): Promise<SaveOutcome> => saveImage({ draw: () => drawPoster(poster), what: '海报' })
