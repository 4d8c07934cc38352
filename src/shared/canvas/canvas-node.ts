/**
 * The node of a rendered `<Canvas type="2d" id=…>` (the same-layer 2D canvas; the old canvas-id API is deprecated), for
 * the weapp drawing code of every subpackage (the invite poster, the 日签, photo annotation, charts). Only
 * `.weapp` modules import this, and only from subpackages: Taro copies it into each one's `sub-common`, never the main
 * package.
 */
import Taro from '@tarojs/taro'

export interface CanvasNode extends Taro.Canvas {
  width: number
  height: number
}

export interface CanvasHit {
  node: CanvasNode
  /** The size the canvas is shown at, in CSS px. */
  width: number
  height: number
}

/** The canvas with this id on the current page and the size it is shown at; rejects when it is not rendered. */
export function canvasNode(id: string): Promise<CanvasHit> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true }, () => undefined)
      .exec((res: ({ node?: CanvasNode; width?: number; height?: number } | null)[] | null) => {
        const hit = res?.[0]
        if (hit?.node) resolve({ node: hit.node, width: hit.width ?? 0, height: hit.height ?? 0 })
        else reject(new Error(`canvas #${id} not found`))
      })
  })
}

/** An image the canvas can draw, loaded from a local path (a downloaded cloud file) with the node's own createImage. */
export function loadCanvasImage(canvas: CanvasNode, src: string): Promise<Taro.Image> {
  return new Promise((resolve, reject) => {
    const image = canvas.createImage()
    image.onload = () => resolve(image)
    image.onerror = reject
    image.src = src
  })
}
