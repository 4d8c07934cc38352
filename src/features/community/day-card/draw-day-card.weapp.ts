/**
 * WeChat: the 日签 drawn on the page's hidden `<Canvas type="2d" id="day-card-canvas">` and exported as a temp file (what
 * saveImageToPhotosAlbum and a share card's imageUrl take). Images by fileID through the cloud download API: a temp URL
 * would need its domain on the downloadFile whitelist.
 */
import Taro from '@tarojs/taro'
import type { DayCardView } from '@cloud/contracts/community'
import { canvasNode, loadCanvasImage, type CanvasNode } from '@/shared/canvas/canvas-node'
import { downloadCloudFile } from '@/shared/cloud'
import { DAY_CARD_HEIGHT as HEIGHT, DAY_CARD_WIDTH as WIDTH, paintDayCard, type Drawable } from './day-card-layout'
import { DAY_CARD_CANVAS_ID } from './draw-day-card.types'

async function drawable(canvas: CanvasNode, fileId: string): Promise<Drawable> {
  const image = await loadCanvasImage(canvas, await downloadCloudFile(fileId))
  return { image: image as unknown as CanvasImageSource, width: image.width, height: image.height }
}

export async function drawDayCard(view: DayCardView): Promise<string> {
  const { node: canvas } = await canvasNode(DAY_CARD_CANVAS_ID)
  const cover = view.cover
  // A cover that does not load leaves the primary band: the card is still worth sharing.
  const [qr, coverImage] = await Promise.all([
    drawable(canvas, view.qrFileId),
    cover ? drawable(canvas, cover.fileId).catch(() => null) : Promise.resolve(null),
  ])
  canvas.width = WIDTH
  canvas.height = HEIGHT
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
  paintDayCard(ctx, { qr, cover: coverImage }, view)
  const out = await Taro.canvasToTempFilePath({ canvas, x: 0, y: 0, width: WIDTH, height: HEIGHT, destWidth: WIDTH, destHeight: HEIGHT })
  return out.tempFilePath
}
