/**
 * The client's local file system as WeChat hands it to a page: temp paths (`wxfile://tmp_…`) of photos picked,
 * recordings, downloads and canvas exports. Each path holds real bytes, so an upload stores what was "recorded".
 */
import { PNG } from 'pngjs'

export class TempFiles {
  private readonly files = new Map<string, Buffer>()
  private seq = 0

  put(bytes: Buffer, ext: string): string {
    const path = `wxfile://tmp_${(++this.seq).toString(36).padStart(4, '0')}.${ext}`
    this.files.set(path, bytes)
    return path
  }

  get(path: string): Buffer | undefined {
    return this.files.get(path)
  }

  has(path: string): boolean {
    return this.files.has(path)
  }
}

/** A solid-colour PNG: what the album "contains" for chooseMedia. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const png = new PNG({ width, height })
  for (let i = 0; i < width * height; i++) png.data.set([...rgb, 255], i * 4)
  return PNG.sync.write(png)
}

/**
 * A real MP3 of `durationMs` of silence: MPEG-1 Layer III frames (header FF FB 90 64 = 128 kbit/s, 44.1 kHz, mono-ish
 * joint stereo) with zeroed side information, which decoders play as silence. 1152 samples per frame ≈ 26.1 ms.
 */
export function silentMp3(durationMs: number): Buffer {
  const FRAME_BYTES = 417
  const frames = Math.max(1, Math.round(durationMs / ((1152 / 44100) * 1000)))
  const frame = Buffer.alloc(FRAME_BYTES)
  frame.set([0xff, 0xfb, 0x90, 0x64])
  return Buffer.concat(Array.from({ length: frames }, () => frame))
}

/** A one-page PDF a document viewer opens (what a chat-picked file is in the materials-admin flow). */
export function tinyPdf(title: string): Buffer {
  const body = `BT /F1 18 Tf 40 100 Td (${title.replace(/[()\\]/g, '')}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

/** The file type a viewer would detect from the bytes (magic numbers), for asserting what was opened or saved. */
export function sniff(bytes: Buffer | undefined): 'png' | 'mp3' | 'pdf' | 'unknown' {
  if (!bytes) return 'unknown'
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0) return 'mp3'
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf'
  return 'unknown'
}
