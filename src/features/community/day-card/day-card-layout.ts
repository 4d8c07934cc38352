/**
 * The 日签 image, one layout for both drawing codes (draw-day-card.weapp.ts on the weapp 2d canvas, draw-day-card.ts on
 * an HTML canvas): the camp's cover across the top (a primary band without one), 第 N 天, the date and the camp,
 * the day's task, the streak, one line of the member's own text in quotes, their name, and their mini-program code
 * with the line that tells a friend to scan it. Texts are fitted to the card's width, never cropped by the canvas.
 */
import type { DayCardView } from '@cloud/contracts/community'
import { COLORS } from '@/shared/ui/tokens'

export const DAY_CARD_WIDTH = 600
export const DAY_CARD_HEIGHT = 960
export const COVER_HEIGHT = 320
export const QR_SIZE = 200
export const QR_LEFT = DAY_CARD_WIDTH - 40 - QR_SIZE
export const QR_TOP = DAY_CARD_HEIGHT - 40 - QR_SIZE
const LEFT = 32
const TEXT_WIDTH = DAY_CARD_WIDTH - 2 * LEFT

/** The 2d-context calls both canvases share (the weapp context is typed as the DOM one). */
export type DayCardCtx = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'fillRect' | 'textAlign' | 'font' | 'fillText' | 'drawImage' | 'measureText'
>

/** An image with its natural size (the weapp Image and an HTML image both have one). */
export interface Drawable {
  image: CanvasImageSource
  width: number
  height: number
}

/** What the card shows as text, from the view (no id, no code: the code is in the image only). */
export function dayCardLines(view: DayCardView): { day: string; meta: string; theme: string; streak: string; quote: string; name: string } {
  return {
    day: `第 ${view.dayIndex} 天`,
    meta: `${view.day} · ${view.campTitle || view.periodTitle}`,
    theme: view.theme ? `今日任务：${view.theme}` : `共 ${view.lengthDays} 天，今天完成了第 ${view.dayIndex} 天`,
    streak: `已连续打卡 ${view.streak} 天`,
    quote: view.text ? `“${view.text}”` : '',
    name: `— ${view.nickname}`,
  }
}

/** The text cut (with …) to fit `width` at the context's current font; a context that cannot measure leaves it whole. */
export function fitText(ctx: Pick<CanvasRenderingContext2D, 'measureText'>, text: string, width: number): string {
  const fits = (t: string) => {
    const measured = ctx.measureText?.(t)?.width
    return typeof measured !== 'number' || measured <= width
  }
  if (fits(text)) return text
  const chars = [...text]
  while (chars.length > 1 && !fits(`${chars.join('')}…`)) chars.pop()
  return `${chars.join('')}…`
}

/** The part of the cover that fills the band without stretching (centred, like aspectFill). */
export function coverCrop(cover: { width: number; height: number }): { sx: number; sy: number; sw: number; sh: number } {
  const band = DAY_CARD_WIDTH / COVER_HEIGHT
  if (cover.width <= 0 || cover.height <= 0) return { sx: 0, sy: 0, sw: cover.width, sh: cover.height }
  if (cover.width / cover.height > band) {
    const sw = cover.height * band
    return { sx: (cover.width - sw) / 2, sy: 0, sw, sh: cover.height }
  }
  const sh = cover.width / band
  return { sx: 0, sy: (cover.height - sh) / 2, sw: cover.width, sh }
}

export function paintDayCard(ctx: DayCardCtx, images: { qr: Drawable; cover: Drawable | null }, view: DayCardView): void {
  const lines = dayCardLines(view)
  ctx.fillStyle = COLORS.white
  ctx.fillRect(0, 0, DAY_CARD_WIDTH, DAY_CARD_HEIGHT)
  if (images.cover) {
    const c = coverCrop(images.cover)
    ctx.drawImage(images.cover.image, c.sx, c.sy, c.sw, c.sh, 0, 0, DAY_CARD_WIDTH, COVER_HEIGHT)
  } else {
    ctx.fillStyle = COLORS.primary
    ctx.fillRect(0, 0, DAY_CARD_WIDTH, COVER_HEIGHT)
  }
  ctx.textAlign = 'left'
  const text = (value: string, y: number, font: string, colour: string, width = TEXT_WIDTH) => {
    if (!value) return
    ctx.font = font
    ctx.fillStyle = colour
    ctx.fillText(fitText(ctx, value, width), LEFT, y)
  }
  text(lines.day, COVER_HEIGHT + 80, 'bold 56px sans-serif', COLORS.text)
  text(lines.meta, COVER_HEIGHT + 126, '24px sans-serif', COLORS.text3)
  text(lines.theme, COVER_HEIGHT + 186, '28px sans-serif', COLORS.text)
  text(lines.streak, COVER_HEIGHT + 236, 'bold 30px sans-serif', COLORS.danger)
  text(lines.quote, COVER_HEIGHT + 296, '26px sans-serif', COLORS.text2)
  // Beside the code: the name and the line that tells a friend what the code does.
  const beside = QR_LEFT - LEFT - 20
  text(lines.name, QR_TOP + 80, '28px sans-serif', COLORS.text, beside)
  text('长按识别小程序码', QR_TOP + 130, '24px sans-serif', COLORS.text3, beside)
  text('和我一起打卡学习', QR_TOP + 166, '24px sans-serif', COLORS.text3, beside)
  // The code at an explicit left edge and full size, so text alignment can never move or crop it.
  ctx.drawImage(images.qr.image, QR_LEFT, QR_TOP, QR_SIZE, QR_SIZE)
}
