export type { SaveOutcome } from '@/shared/canvas/save-image.types'

/** What goes on the saved image. */
export interface PosterContent {
  nickname: string
  code: string
  qrUrl: string
  /** The code image's fileID: the weapp downloads it through the cloud download API (no domain whitelist). */
  qrFileId: string
  copy: string
}

/** The hidden 2d canvas the weapp page renders and draw-poster.weapp.ts draws on. */
export const POSTER_CANVAS_ID = 'poster-canvas'
