/**
 * Draws the poster on the page's hidden `<Canvas type="2d" id="poster-canvas">` and exports it as a temp file:
 * a white card, the member's name, one line of copy, the mini-program code and the invite code.
 */
import Taro from '@tarojs/taro'
import { downloadCloudFile } from '@/shared/cloud'
import { POSTER_CANVAS_ID, type PosterContent } from './save-poster.types'
import { COLORS } from '@/shared/ui/tokens'

const WIDTH = 600
const HEIGHT = 860
const QR_SIZE = 360

interface CanvasNode extends Taro.Canvas {
  width: number
  height: number
}

function canvasNode(): Promise<CanvasNode> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${POSTER_CANVAS_ID}`)
      .fields({ node: true, size: true }, () => undefined)
      .exec((res: { node?: CanvasNode }[]) => (res[0]?.node ? resolve(res[0].node) : reject(new Error('poster canvas not found'))))
  })
}

function loadImage(canvas: CanvasNode, src: string): Promise<Taro.Image> {
  return new Promise((resolve, reject) => {
    const image = canvas.createImage()
    image.onload = () => resolve(image)
    image.onerror = reject
    image.src = src
  })
}

export async function drawPoster(poster: PosterContent): Promise<string> {
  const canvas = await canvasNode()
  // By fileID (the cloud download API): a temp URL would need its domain on the downloadFile whitelist.
  const qrPath = await downloadCloudFile(poster.qrFileId)
  const qr = await loadImage(canvas, qrPath)
  canvas.width = WIDTH
  canvas.height = HEIGHT
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
  ctx.fillStyle = COLORS.white
  ctx.fillRect(0, 0, WIDTH, HEIGHT)
  ctx.fillStyle = COLORS.primary
  ctx.fillRect(0, 0, WIDTH, 12)
  ctx.textAlign = 'center'
  ctx.fillStyle = COLORS.text
  ctx.font = 'bold 36px sans-serif'
  ctx.fillText(poster.nickname, WIDTH / 2, 100)
  ctx.fillStyle = COLORS.text2
  ctx.font = '26px sans-serif'
  ctx.fillText(poster.copy, WIDTH / 2, 160)
  ctx.drawImage(qr as unknown as CanvasImageSource, (WIDTH - QR_SIZE) / 2, 210, QR_SIZE, QR_SIZE)
  ctx.fillStyle = COLORS.text
  ctx.font = '28px sans-serif'
  ctx.fillText(`邀请码 ${poster.code}`, WIDTH / 2, 640)
  ctx.fillStyle = COLORS.text3
  ctx.font = '24px sans-serif'
  ctx.fillText('长按识别小程序码，和我一起学习', WIDTH / 2, 700)
  const out = await Taro.canvasToTempFilePath({ canvas, x: 0, y: 0, width: WIDTH, height: HEIGHT, destWidth: WIDTH, destHeight: HEIGHT })
  return out.tempFilePath
}
