/**
 * Canvas 2D as `<canvas type="2d">` gives it to a page (`SelectorQuery…fields({ node: true })`): a node with
 * width/height, getContext('2d') and createImage(). The context records every call, and the export rasterises the
 * fills, drawn images and paths (stroked lines at their width, filled arcs as discs) into a real PNG (text is
 * recorded, not rasterised), so a drawn QR code stays decodable, the saved poster can be traced back to the
 * mini-program code image and an annotated photo shows its pen marks where they were drawn.
 */
import { PNG } from 'pngjs'
import type { TempFiles } from './temp-files'

export interface DrawCall {
  op: string
  args: unknown[]
  fillStyle: string
  strokeStyle: string
  lineWidth: number
  font: string
}

type Rgba = [number, number, number, number]

function parseColour(style: string): Rgba {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(style.trim())
  if (!hex) return [0, 0, 0, 255]
  const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1]
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16), 255]
}

export class FakeImage {
  width = 0
  height = 0
  onload: (() => void) | null = null
  onerror: ((err: unknown) => void) | null = null
  decoded: PNG | null = null
  private source = ''

  constructor(private readonly files: TempFiles) {}

  get src(): string {
    return this.source
  }

  /** Loads like the client: asynchronously, from a local temp path; anything but a PNG fails to decode. */
  set src(value: string) {
    this.source = value
    setTimeout(() => {
      try {
        const bytes = this.files.get(value)
        if (!bytes) throw new Error(`image not found: ${value}`)
        this.decoded = PNG.sync.read(bytes)
        this.width = this.decoded.width
        this.height = this.decoded.height
        this.onload?.()
      } catch (err) {
        this.onerror?.(err)
      }
    }, 0)
  }
}

export class FakeContext2D {
  fillStyle = '#000000'
  strokeStyle = '#000000'
  font = '10px sans-serif'
  textAlign = 'start'
  textBaseline = 'alphabetic'
  lineWidth = 1
  lineCap = 'butt'
  lineJoin = 'miter'
  globalAlpha = 1
  readonly calls: DrawCall[] = []

  constructor() {
    const record =
      (op: string) =>
      (...args: unknown[]) => {
        this.calls.push({
          op,
          args,
          fillStyle: String(this.fillStyle),
          strokeStyle: String(this.strokeStyle),
          lineWidth: Number(this.lineWidth),
          font: this.font,
        })
      }
    for (const op of [
      'fillRect',
      'fillText',
      'drawImage',
      'strokeRect',
      'clearRect',
      'save',
      'restore',
      'beginPath',
      'arc',
      'fill',
      'stroke',
      'moveTo',
      'lineTo',
      'closePath',
      'scale',
      'translate',
    ]) {
      ;(this as unknown as Record<string, unknown>)[op] = record(op)
    }
  }

  measureText(text: string): { width: number } {
    const size = Number(/(\d+)px/.exec(this.font)?.[1] ?? 10)
    return { width: [...text].length * size }
  }
}

export class FakeCanvas {
  width = 300
  height = 150
  readonly contexts: FakeContext2D[] = []

  constructor(
    readonly id: string,
    private readonly files: TempFiles,
  ) {}

  getContext(kind: string): FakeContext2D | null {
    if (kind !== '2d') return null
    if (!this.contexts.length) this.contexts.push(new FakeContext2D())
    return this.contexts[0]
  }

  createImage(): FakeImage {
    return new FakeImage(this.files)
  }

  get calls(): DrawCall[] {
    return this.contexts.flatMap((c) => c.calls)
  }

  /**
   * The bitmap the recorded calls produce: fillRect and drawImage (nearest-neighbour scaling); a path's lines stroked
   * as round-capped bands of lineWidth (discs stamped every half pixel along each segment) and its arcs filled as
   * whole discs. Enough to find a pen mark by colour, not anti-aliased.
   */
  rasterise(): PNG {
    const png = new PNG({ width: this.width, height: this.height })
    png.data.fill(0)
    const put = (x: number, y: number, [r, g, b, a]: Rgba) => {
      if (x < 0 || y < 0 || x >= png.width || y >= png.height || a === 0) return
      png.data.set([r, g, b, 255], (y * png.width + x) * 4)
    }
    const disc = (cx: number, cy: number, r: number, colour: Rgba) => {
      const rr = Math.max(0.5, r)
      for (let j = Math.floor(cy - rr); j <= Math.ceil(cy + rr); j++) {
        for (let i = Math.floor(cx - rr); i <= Math.ceil(cx + rr); i++) {
          if ((i + 0.5 - cx) ** 2 + (j + 0.5 - cy) ** 2 <= rr * rr) put(i, j, colour)
        }
      }
    }
    let subpaths: [number, number][][] = []
    let arcs: [number, number, number][] = []
    for (const call of this.calls) {
      const nums = call.args.map(Number)
      if (call.op === 'beginPath') {
        subpaths = []
        arcs = []
      } else if (call.op === 'moveTo') {
        subpaths.push([[nums[0], nums[1]]])
      } else if (call.op === 'lineTo') {
        if (!subpaths.length) subpaths.push([])
        subpaths[subpaths.length - 1].push([nums[0], nums[1]])
      } else if (call.op === 'arc') {
        arcs.push([nums[0], nums[1], nums[2]])
      } else if (call.op === 'stroke') {
        const colour = parseColour(call.strokeStyle)
        for (const points of subpaths) {
          for (let k = 1; k < points.length; k++) {
            const [[x0, y0], [x1, y1]] = [points[k - 1], points[k]]
            const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 2))
            for (let t = 0; t <= steps; t++) disc(x0 + ((x1 - x0) * t) / steps, y0 + ((y1 - y0) * t) / steps, call.lineWidth / 2, colour)
          }
        }
      } else if (call.op === 'fill') {
        for (const [cx, cy, r] of arcs) disc(cx, cy, r, parseColour(call.fillStyle))
      } else if (call.op === 'fillRect') {
        const [x, y, w, h] = call.args.map(Number)
        const colour = parseColour(call.fillStyle)
        for (let j = Math.max(0, Math.round(y)); j < Math.min(png.height, Math.round(y + h)); j++) {
          for (let i = Math.max(0, Math.round(x)); i < Math.min(png.width, Math.round(x + w)); i++) put(i, j, colour)
        }
      } else if (call.op === 'drawImage') {
        const [image, ...nums] = call.args as [FakeImage, ...number[]]
        if (!(image instanceof FakeImage) || !image.decoded) throw new Error('drawImage: the image was not loaded')
        const src = image.decoded
        const [dx, dy, dw = src.width, dh = src.height] = nums.length >= 4 ? nums.slice(-4) : nums
        for (let j = 0; j < Math.round(dh); j++) {
          for (let i = 0; i < Math.round(dw); i++) {
            const sx = Math.floor((i * src.width) / dw)
            const sy = Math.floor((j * src.height) / dh)
            const o = (sy * src.width + sx) * 4
            put(Math.round(dx) + i, Math.round(dy) + j, [src.data[o], src.data[o + 1], src.data[o + 2], src.data[o + 3]])
          }
        }
      }
    }
    return png
  }

  /** wx.canvasToTempFilePath: the rasterised bitmap as a PNG temp file. */
  exportPng(): string {
    return this.files.put(PNG.sync.write(this.rasterise()), 'png')
  }
}
