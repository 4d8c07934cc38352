/**
 * Draws the poster on the page's hidden `<Canvas type="2d" id="poster-canvas">` and exports it as a temp file:
 * a white card, the member's name, one line of copy, the mini-program code and the invite code.
 */
import Taro from '@tarojs/taro'
import { downloadCloudFile } from '@/shared/cloud'
import { paintPoster, POSTER_HEIGHT as HEIGHT, POSTER_WIDTH as WIDTH } from './poster-layout'
import { POSTER_CANVAS_ID, type PosterContent } from './save-poster.types'

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
  paintPoster(ctx, qr as unknown as CanvasImageSource, poster)
  const out = await Taro.canvasToTempFilePath({ canvas, x: 0, y: 0, width: WIDTH, height: HEIGHT, destWidth: WIDTH, destHeight: HEIGHT })
  return out.tempFilePath
}
