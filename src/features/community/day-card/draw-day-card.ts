/** H5: the 日签 drawn on an HTML canvas from the view's temp URLs (the layout the weapp draws), as a PNG data URL. */
import type { DayCardView } from '@cloud/contracts/community'
import { loadHtmlImage } from '@/shared/canvas/html-image'
import { DAY_CARD_HEIGHT, DAY_CARD_WIDTH, paintDayCard, type Drawable } from './day-card-layout'

const drawable = (img: HTMLImageElement): Drawable => ({
  image: img,
  width: img.naturalWidth || img.width,
  height: img.naturalHeight || img.height,
})

export async function drawDayCard(view: DayCardView): Promise<string> {
  if (!view.qrUrl) throw new Error('no code image')
  // A cover that does not load leaves the primary band: the card is still worth sharing.
  const [qr, cover] = await Promise.all([
    loadHtmlImage(view.qrUrl),
    view.cover?.url ? loadHtmlImage(view.cover.url).catch(() => null) : Promise.resolve(null),
  ])
  const canvas = document.createElement('canvas')
  canvas.width = DAY_CARD_WIDTH
  canvas.height = DAY_CARD_HEIGHT
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d canvas')
  paintDayCard(ctx, { qr: drawable(qr), cover: cover ? drawable(cover) : null }, view)
  return canvas.toDataURL('image/png')
}
