/**
 * Draws the tab bar icons (81×81 PNG, as WeChat recommends) from simple shapes, so the
 * repository holds their source instead of opaque binaries. Run: npx tsx scripts/make-tab-icons.ts
 */
import * as fs from 'fs'
import * as path from 'path'
import { PNG } from 'pngjs'

const SIZE = 81
type Shape = (x: number, y: number) => boolean

const inCircle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const inRect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1
const inRoof = (x: number, y: number) => y >= 12 && y <= 40 && Math.abs(x - 40) <= (y - 12) * 1.25
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y))
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y)

const HOME = minus(union(inRoof, inRect(20, 38, 60, 68)), inRect(34, 48, 46, 68))
const ME = union(inCircle(40, 26, 13), minus(inCircle(40, 74, 28), inRect(0, 0, SIZE, 46)))

function draw(shape: Shape, rgb: [number, number, number], file: string): void {
  const png = new PNG({ width: SIZE, height: SIZE })
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      // 4× supersampling for smooth edges
      let hits = 0
      for (const dx of [0.25, 0.75]) for (const dy of [0.25, 0.75]) if (shape(x + dx, y + dy)) hits++
      const i = (y * SIZE + x) * 4
      png.data[i] = rgb[0]
      png.data[i + 1] = rgb[1]
      png.data[i + 2] = rgb[2]
      png.data[i + 3] = Math.round((hits / 4) * 255)
    }
  }
  fs.writeFileSync(file, PNG.sync.write(png))
}

const OUT = path.join(__dirname, '..', 'src', 'assets', 'tabbar')
const GREY: [number, number, number] = [0x96, 0x97, 0x99]
const BLUE: [number, number, number] = [0x19, 0x89, 0xfa]
fs.mkdirSync(OUT, { recursive: true })
for (const [name, shape] of [
  ['home', HOME],
  ['me', ME],
] as const) {
  draw(shape, GREY, path.join(OUT, `${name}.png`))
  draw(shape, BLUE, path.join(OUT, `${name}-active.png`))
}
console.log(`tab icons written to ${path.relative(process.cwd(), OUT)}`)
