/**
 * Small but real demo files for the seeded materials, generated in code: a one-page PDF (written by hand with a
 * correct cross-reference table) and a solid-colour PNG. Viewers open them as they would a real upload.
 */
import { deflateSync } from 'zlib'

/** A valid one-page PDF showing `lines` (ASCII; the built-in Helvetica font has no Chinese glyphs). */
export function minimalPdf(lines: readonly string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`)
  const text = lines.map((line, i) => `BT /F1 ${i === 0 ? 20 : 12} Tf 56 ${760 - i * 28} Td (${escape(line)}) Tj ET`).join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body))
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`
  })
  const xrefAt = Buffer.byteLength(body)
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4)
  head.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const tail = Buffer.alloc(4)
  tail.writeUInt32BE(crc32(typed))
  return Buffer.concat([head, typed, tail])
}

/** A `width` × `height` PNG in one RGB colour, with a darker band so it is visibly an image. */
export function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const shade = y > height * 0.4 && y < height * 0.6 ? 0.6 : 1
    const row = Buffer.alloc(1 + width * 3)
    for (let x = 0; x < width; x++)
      row.set(
        rgb.map((v) => Math.round(v * shade)),
        1 + x * 3,
      )
    rows.push(row)
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}

/**
 * A square product tile for the demo mall: a diagonal gradient of `rgb` with a soft white disc and a white rounded
 * card in the middle, so item pictures read as pictures, not as placeholders.
 */
export function productPng(size: number, rgb: readonly [number, number, number]): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const mix = (a: number, b: number, t: number) => Math.round(a + (b - a) * t)
  const c = size / 2
  const card = size * 0.22
  const radius = size * 0.06
  const rows: Buffer[] = []
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3)
    for (let x = 0; x < size; x++) {
      // Lighter at the top left, the item colour at the bottom right.
      let px = rgb.map((v) => mix(255, v, 0.35 + 0.65 * ((x + y) / (2 * size))))
      const d = Math.hypot(x - c, y - c * 0.95)
      if (d < size * 0.36) px = px.map((v) => mix(v, 255, 0.22))
      const dx = Math.max(Math.abs(x - c) - (card - radius), 0)
      const dy = Math.max(Math.abs(y - c) - (card * 1.25 - radius), 0)
      if (Math.hypot(dx, dy) < radius) px = Math.abs(y - c + card * 0.5) < size * 0.02 ? rgb.map((v) => mix(v, 255, 0.4)) : [255, 255, 255]
      row.set(px, 1 + x * 3)
    }
    rows.push(row)
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}
