import {
  addNote,
  beginStroke,
  clear,
  emptyAnnotation,
  extendStroke,
  isEmpty,
  MAX_NOTE_CHARS,
  MAX_OPS,
  MAX_POINTS_PER_STROKE,
  MIN_POINT_DISTANCE,
  normalise,
  undo,
  type Annotation,
  type Stroke,
} from '@/features/review/annotate/annotation-model'
import { exportSize, fitRect, paintAnnotation } from '@/features/review/annotate/paint-annotation'
import { displayBox } from '@/features/review/annotate/display-box'
import { PEN_COLORS } from '@/shared/ui/tokens'

const strokeOf = (a: Annotation, i = a.ops.length - 1) => a.ops[i] as Stroke

describe('annotation model', () => {
  it('should keep points relative to the drawn box, so any canvas size gives the same marks', () => {
    expect(normalise(150, 50, { width: 300, height: 200 })).toEqual({ x: 0.5, y: 0.25 })
    expect(normalise(75, 25, { width: 150, height: 100 })).toEqual({ x: 0.5, y: 0.25 })
    // A finger that slides off the photo stays on its edge.
    expect(normalise(-20, 260, { width: 300, height: 200 })).toEqual({ x: 0, y: 1 })
  })

  it('should drop points closer than the minimum distance to the last kept one', () => {
    let a = beginStroke(emptyAnnotation(), { x: 0.5, y: 0.5 }, 'red', 'thin')
    const near = extendStroke(a, { x: 0.5 + MIN_POINT_DISTANCE / 2, y: 0.5 })
    expect(near).toBe(a)
    a = extendStroke(a, { x: 0.5 + MIN_POINT_DISTANCE * 2, y: 0.5 })
    expect(strokeOf(a).points).toHaveLength(2)
    // A slow scribble of 1000 tiny moves along one line keeps a few dozen points, not a thousand.
    let slow = beginStroke(emptyAnnotation(), { x: 0, y: 0.5 }, 'blue', 'thick')
    for (let i = 1; i <= 1000; i++) slow = extendStroke(slow, { x: i * 0.0001, y: 0.5 })
    expect(strokeOf(slow).points.length).toBeLessThanOrEqual(Math.ceil(0.1 / MIN_POINT_DISTANCE) + 1)
    expect(strokeOf(slow).points.length).toBeGreaterThan(10)
  })

  it('should stop a stroke at the point limit and the annotation at the operation limit', () => {
    let a = beginStroke(emptyAnnotation(), { x: 0, y: 0 }, 'red', 'thin')
    for (let i = 1; i < MAX_POINTS_PER_STROKE + 50; i++) a = extendStroke(a, { x: (i % 2) * 0.5, y: (i % 3) * 0.3 })
    expect(strokeOf(a).points).toHaveLength(MAX_POINTS_PER_STROKE)

    let full = emptyAnnotation()
    for (let i = 0; i < MAX_OPS + 5; i++) full = beginStroke(full, { x: 0.1, y: 0.1 }, 'red', 'thin')
    expect(full.ops).toHaveLength(MAX_OPS)
    expect(addNote(full, { x: 0.2, y: 0.2 }, '好', 'red')).toBe(full)
  })

  it('should undo the last stroke or note and clear everything', () => {
    let a = beginStroke(emptyAnnotation(), { x: 0.1, y: 0.1 }, 'red', 'thin')
    a = extendStroke(a, { x: 0.3, y: 0.3 })
    a = addNote(a, { x: 0.5, y: 0.5 }, '  这里写得很好  ', 'yellow')
    expect(a.ops.map((o) => o.kind)).toEqual(['stroke', 'note'])
    expect(a.ops[1]).toEqual({ kind: 'note', colour: 'yellow', at: { x: 0.5, y: 0.5 }, text: '这里写得很好' })
    const undone = undo(a)
    expect(undone.ops).toHaveLength(1)
    expect(strokeOf(undone).points).toHaveLength(2)
    expect(isEmpty(undo(undone))).toBe(true)
    expect(isEmpty(undo(emptyAnnotation()))).toBe(true)
    expect(isEmpty(clear(a))).toBe(true)
    expect(isEmpty(a)).toBe(false)
  })

  it('should refuse a blank note and cut a long one', () => {
    const a = emptyAnnotation()
    expect(addNote(a, { x: 0, y: 0 }, '   ', 'red')).toBe(a)
    const long = addNote(a, { x: 0, y: 0 }, '好'.repeat(MAX_NOTE_CHARS + 10), 'red')
    expect(long.ops[0]).toMatchObject({ text: '好'.repeat(MAX_NOTE_CHARS) })
  })
})

describe('annotation painting', () => {
  it('should cap the export’s long side and keep the aspect', () => {
    expect(exportSize({ width: 4032, height: 3024 })).toEqual({ width: 1280, height: 960 })
    expect(exportSize({ width: 3024, height: 4032 })).toEqual({ width: 960, height: 1280 })
    expect(exportSize({ width: 200, height: 100 })).toEqual({ width: 200, height: 100 })
    expect(fitRect({ width: 200, height: 100 }, { width: 100, height: 100 })).toEqual({ x: 0, y: 25, width: 100, height: 50 })
    expect(displayBox({ width: 200, height: 100 }, { width: 375, height: 667 })).toEqual({ width: 343, height: 172 })
  })

  it('should draw the photo, then each stroke in the photo’s coordinates with its pen', () => {
    const calls: unknown[][] = []
    const ctx = new Proxy({} as Record<string, unknown>, {
      get: (t, key: string) => (key in t ? t[key] : (...args: unknown[]) => void calls.push([key, ...args])),
      set: (t, key: string, value) => (calls.push([`=${key}`, value]), (t[key] = value), true),
    })
    let a = beginStroke(emptyAnnotation(), { x: 0.25, y: 0.5 }, 'blue', 'thick')
    a = extendStroke(a, { x: 0.75, y: 0.5 })
    a = beginStroke(a, { x: 0.5, y: 0.1 }, 'white', 'thin')
    const photo = {} as CanvasImageSource
    paintAnnotation(ctx as unknown as CanvasRenderingContext2D, photo, { width: 400, height: 200 }, { width: 400, height: 200 }, a)
    const names = calls.map((c) => c[0])
    expect(calls.find((c) => c[0] === 'drawImage')).toEqual(['drawImage', photo, 0, 0, 400, 200])
    expect(calls).toContainEqual(['=strokeStyle', PEN_COLORS.blue])
    expect(calls).toContainEqual(['=lineWidth', 4])
    expect(calls).toContainEqual(['moveTo', 100, 100])
    expect(calls).toContainEqual(['lineTo', 300, 100])
    // A single tap is a dot: an arc filled with the pen colour.
    const dot = calls.find((c) => c[0] === 'arc') as number[] | undefined
    expect(dot?.slice(1, 3)).toEqual([200, 20])
    expect(dot?.[3]).toBeCloseTo(0.8)
    expect(names.indexOf('drawImage')).toBeLessThan(names.indexOf('stroke'))
  })
})
