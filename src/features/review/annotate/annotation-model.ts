/**
 * A teacher's marks on one photo as plain data: pen strokes and text notes, every point normalised to the photo
 * (0..1 across its width and height), so the on-screen canvas and the exported image of any size draw the same marks.
 * Operations only append or drop the last one (undo), so the model is a list and each change returns a new one.
 */
import { PEN_COLORS } from '@/shared/ui/tokens'

export type PenColour = keyof typeof PEN_COLORS
export const PEN_ORDER: readonly PenColour[] = ['red', 'yellow', 'blue', 'white', 'black']
export const PEN_LABELS: Record<PenColour, string> = { red: '红', yellow: '黄', blue: '蓝', white: '白', black: '黑' }

/** Two pen widths, as a share of the photo's short side (so a mark keeps its weight at any export size). */
export const PEN_WIDTHS = { thin: 0.008, thick: 0.02 } as const
export type PenWidth = keyof typeof PEN_WIDTHS

/** A text note's height as a share of the photo's short side. */
export const NOTE_SIZE = 0.05

export const MAX_OPS = 200
export const MAX_POINTS_PER_STROKE = 500
export const MAX_NOTE_CHARS = 30
/** Points closer than this to the last kept one (normalised units) are dropped: a slow scribble stays small. */
export const MIN_POINT_DISTANCE = 0.004

export interface Point {
  x: number
  y: number
}

export interface Stroke {
  kind: 'stroke'
  colour: PenColour
  width: PenWidth
  points: Point[]
}

export interface Note {
  kind: 'note'
  colour: PenColour
  at: Point
  text: string
}

export type AnnotationOp = Stroke | Note

export interface Annotation {
  ops: AnnotationOp[]
}

export const emptyAnnotation = (): Annotation => ({ ops: [] })

export const isEmpty = (a: Annotation): boolean => a.ops.length === 0

export const isFull = (a: Annotation): boolean => a.ops.length >= MAX_OPS

const clamp01 = (v: number): number => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0)

/** A point on a drawn box of `width`×`height` (canvas pixels, origin top-left) as a point on the photo. */
export function normalise(x: number, y: number, box: { width: number; height: number }): Point {
  return { x: clamp01(x / (box.width || 1)), y: clamp01(y / (box.height || 1)) }
}

/** Starts a stroke at `p`; unchanged when the annotation already holds MAX_OPS operations. */
export function beginStroke(a: Annotation, p: Point, colour: PenColour, width: PenWidth): Annotation {
  if (isFull(a)) return a
  return { ops: [...a.ops, { kind: 'stroke', colour, width, points: [{ x: clamp01(p.x), y: clamp01(p.y) }] }] }
}

/**
 * Extends the last stroke to `p`, unless `p` is within MIN_POINT_DISTANCE of its last point or the stroke holds
 * MAX_POINTS_PER_STROKE points (then the same annotation is returned, so a caller can skip a repaint).
 */
export function extendStroke(a: Annotation, p: Point): Annotation {
  const last = a.ops[a.ops.length - 1]
  if (!last || last.kind !== 'stroke' || last.points.length >= MAX_POINTS_PER_STROKE) return a
  const q = { x: clamp01(p.x), y: clamp01(p.y) }
  const prev = last.points[last.points.length - 1]
  if (Math.hypot(q.x - prev.x, q.y - prev.y) < MIN_POINT_DISTANCE) return a
  return { ops: [...a.ops.slice(0, -1), { ...last, points: [...last.points, q] }] }
}

/** Places a text note at `p` (trimmed, at most MAX_NOTE_CHARS characters); blank text or a full annotation is a no-op. */
export function addNote(a: Annotation, p: Point, text: string, colour: PenColour): Annotation {
  const trimmed = [...text.trim()].slice(0, MAX_NOTE_CHARS).join('')
  if (!trimmed || isFull(a)) return a
  return { ops: [...a.ops, { kind: 'note', colour, at: { x: clamp01(p.x), y: clamp01(p.y) }, text: trimmed }] }
}

/** Drops the last operation (a whole stroke or note). */
export const undo = (a: Annotation): Annotation => (a.ops.length ? { ops: a.ops.slice(0, -1) } : a)

export const clear = (a: Annotation): Annotation => (a.ops.length ? emptyAnnotation() : a)
