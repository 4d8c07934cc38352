/**
 * The saved poster's layout, one for both drawing codes (draw-poster.weapp.ts on the weapp 2d canvas, save-poster.ts on
 * an HTML canvas): a white card, the member's name, one line of copy, the mini-program code centred, the invite code.
 * The code is drawn at an explicit left edge and full size, so nothing about text alignment can move or crop it.
 */
import { COLORS } from '@/shared/ui/tokens'
export const POSTER_WIDTH = 600
export const POSTER_HEIGHT = 860
export const QR_SIZE = 360
export const QR_TOP = 210
export const QR_LEFT = (POSTER_WIDTH - QR_SIZE) / 2

/** The 2d-context calls both canvases share (the weapp context is typed as the DOM one). */
type Ctx = Pick<CanvasRenderingContext2D, 'fillStyle' | 'fillRect' | 'textAlign' | 'font' | 'fillText' | 'drawImage'>

export function paintPoster(ctx: Ctx, qr: CanvasImageSource, text: { nickname: string; copy: string; code: string }): void {
  ctx.fillStyle = COLORS.white
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT)
  ctx.fillStyle = COLORS.primary
  ctx.fillRect(0, 0, POSTER_WIDTH, 12)
  ctx.drawImage(qr, QR_LEFT, QR_TOP, QR_SIZE, QR_SIZE)
  ctx.textAlign = 'center'
  ctx.fillStyle = COLORS.text
  ctx.font = 'bold 36px sans-serif'
  ctx.fillText(text.nickname, POSTER_WIDTH / 2, 100)
  ctx.fillStyle = COLORS.text2
  ctx.font = '26px sans-serif'
  ctx.fillText(text.copy, POSTER_WIDTH / 2, 160)
  ctx.fillStyle = COLORS.text
  ctx.font = '28px sans-serif'
  ctx.fillText(`邀请码 ${text.code}`, POSTER_WIDTH / 2, 640)
  ctx.fillStyle = COLORS.text3
  ctx.font = '24px sans-serif'
  ctx.fillText('长按识别小程序码，和我一起学习', POSTER_WIDTH / 2, 700)
}
