import { fitRect, type Size } from './paint-annotation'

/** The annotator's canvas on screen (CSS px): the photo fitted into the window's width and a bit over half its height. */
export function displayBox(photo: Size, window: Size): Size {
  const box = { width: Math.max(1, window.width - 32), height: Math.max(1, Math.round(window.height * 0.55)) }
  const r = fitRect(photo, box)
  return { width: Math.max(1, Math.round(r.width)), height: Math.max(1, Math.round(r.height)) }
}
