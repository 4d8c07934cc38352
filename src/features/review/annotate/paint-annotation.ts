/**
 * The annotated photo's painting, one for both builds (the weapp 2d canvas node and the H5 canvas): the photo fitted
 * into the canvas with its aspect kept (letterboxed on black), then every stroke and note in the photo's coordinates.
 */
import { PEN_COLORS } from '@/shared/ui/tokens'
import { NOTE_SIZE, PEN_WIDTHS, type Annotation, type Point } from './annotation-model'

/** The exported image's long side at most (a phone photo is scaled down, a small one is kept as it is). */
export const EXPORT_LONG_SIDE = 1280

type Ctx = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineCap'
  | 'lineJoin'
  | 'font'
  | 'textBaseline'
  | 'fillRect'
  | 'drawImage'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'arc'
  | 'stroke'
  | 'fill'
  | 'fillText'
>

export interface Size {
  width: number
  height: number
}

export interface Rect extends Size {
  x: number
  y: number
}

/** The export canvas for a photo of `photo` pixels: the same aspect, the long side capped, whole pixels. */
export function exportSize(photo: Size, longSide: number = EXPORT_LONG_SIDE): Size {
  const w = Math.max(1, photo.width)
  const h = Math.max(1, photo.height)
  const scale = Math.min(1, longSide / Math.max(w, h))
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) }
}

/** Where a `photo`-sized image sits in `box` when fitted whole and centred. */
export function fitRect(photo: Size, box: Size): Rect {
  const scale = Math.min(box.width / Math.max(1, photo.width), box.height / Math.max(1, photo.height))
  const width = photo.width * scale
  const height = photo.height * scale
  return { x: (box.width - width) / 2, y: (box.height - height) / 2, width, height }
}

export function paintAnnotation(ctx: Ctx, photo: CanvasImageSource, photoSize: Size, canvas: Size, annotation: Annotation): void {
  const r = fitRect(photoSize, canvas)
  ctx.fillStyle = PEN_COLORS.black
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(photo, r.x, r.y, r.width, r.height)
  const short = Math.min(r.width, r.height)
  const at = (p: Point) => ({ x: r.x + p.x * r.width, y: r.y + p.y * r.height })
  ctx.lineCap = 'round'
  ctx.lineJoin = 'round'
  for (const op of annotation.ops) {
    const colour = PEN_COLORS[op.colour]
    if (op.kind === 'note') {
      const p = at(op.at)
      ctx.fillStyle = colour
      ctx.font = `bold ${Math.max(12, Math.round(short * NOTE_SIZE))}px sans-serif`
      ctx.textBaseline = 'middle'
      ctx.fillText(op.text, p.x, p.y)
      continue
    }
    const width = Math.max(1, short * PEN_WIDTHS[op.width])
    const [first, ...rest] = op.points.map(at)
    if (!rest.length) {
      // A tap is a dot of the pen's width.
      ctx.fillStyle = colour
      ctx.beginPath()
      ctx.arc(first.x, first.y, width / 2, 0, Math.PI * 2)
      ctx.fill()
      continue
    }
    ctx.strokeStyle = colour
    ctx.lineWidth = width
    ctx.beginPath()
    ctx.moveTo(first.x, first.y)
    for (const p of rest) ctx.lineTo(p.x, p.y)
    ctx.stroke()
  }
}
