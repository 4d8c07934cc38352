import { randomBytes } from 'crypto'
import { encodeStrict } from './ejson-codec'

let counter = randomBytes(3).readUIntBE(0, 3)
const processPart = randomBytes(5).toString('hex')

/**
 * A 32-hex-character id shaped like CloudBase's (`2d2ea3f3661d2b4a0001a2b51b3c3e4f`):
 * seconds of the emulator clock first, so ids sort roughly by creation time,
 * then a per-process random part and a counter so ids never repeat.
 */
export function newDocId(nowMs: number): string {
  counter = (counter + 1) % 0x1000000
  const seconds = Math.floor(nowMs / 1000) >>> 0
  return seconds.toString(16).padStart(8, '0') + processPart + counter.toString(16).padStart(6, '0') + randomBytes(4).toString('hex')
}

/** Map key for an `_id` of any type: strings as themselves, anything else tagged so `"1"` and `1` differ. */
export function idKey(id: unknown): string {
  return typeof id === 'string' ? id : '\u0000' + encodeStrict({ v: id })
}
