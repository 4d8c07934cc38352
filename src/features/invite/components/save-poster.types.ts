/** What a save attempt ended in, with the Chinese line the page shows as a toast. */
export interface SaveOutcome {
  ok: boolean
  message: string
}

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
