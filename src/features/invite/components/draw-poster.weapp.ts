/**
 * Draws the poster on the page's hidden `<Canvas type="2d" id="poster-canvas">` and exports it as a temp file:
 * a white card, the member's name, one line of copy, the mini-program code and the invite code.
 */
import Taro from '@tarojs/taro'
import { canvasNode, loadCanvasImage } from '@/shared/canvas/canvas-node'
import { downloadCloudFile } from '@/shared/cloud'
import { paintPoster, POSTER_HEIGHT as HEIGHT, POSTER_WIDTH as WIDTH } from './poster-layout'
import { POSTER_CANVAS_ID, type PosterContent } from './save-poster.types'

export async function drawPoster(poster: PosterContent): Promise<string> {
  const { node: canvas } = await canvasNode(POSTER_CANVAS_ID)
  // By fileID (the cloud download API): a temp URL would need its domain on the downloadFile whitelist.
  const qrPath = await downloadCloudFile(poster.qrFileId)
  const qr = await loadCanvasImage(canvas, qrPath)
  canvas.width = WIDTH
  canvas.height = HEIGHT
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
  paintPoster(ctx, qr as unknown as CanvasImageSource, poster)
  const out = await Taro.canvasToTempFilePath({ canvas, x: 0, y: 0, width: WIDTH, height: HEIGHT, destWidth: WIDTH, destHeight: HEIGHT })
  return out.tempFilePath
}
