/** Reading the mini-program codes the tests make (the emulator draws them as real QR codes): PNG bytes → the URL. */
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

/** The URL a PNG's QR code holds, with its size; throws naming `what` when there is none. */
export function decodeQrPng(png: Buffer, what = 'the image'): { text: string; width: number; params: URLSearchParams } {
  const image = PNG.sync.read(png)
  const qr = jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)
  if (!qr) throw new Error(`no QR code in ${what}`)
  return { text: qr.data, width: image.width, params: new URL(qr.data).searchParams }
}
