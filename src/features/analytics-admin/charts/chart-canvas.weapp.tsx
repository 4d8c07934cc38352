import { useEffect } from 'react'
import { Canvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Canvas as F2Canvas } from '@antv/f2'
import { canvasNode } from '@/shared/canvas/canvas-node'
import type { ChartCanvasProps } from './chart-canvas.types'
import { F2_OPTIONS } from './f2-charts'
import './chart-canvas.scss'

const pixelRatioOf = () => (Taro.getWindowInfo ? Taro.getWindowInfo().pixelRatio : Taro.getSystemInfoSync().pixelRatio) || 2

/**
 * WeChat: a `<canvas type="2d">` (the same-layer 2D canvas; the old canvas-id API is deprecated). Its node comes from a
 * selector query once rendered; F2 gets its 2D context plus the node's own image and animation-frame functions (there
 * is no global requestAnimationFrame in a mini program). The same steps as AntV's own wrappers: antvis/wx-f2
 * `src/index.js` (query `node` + `size`, scale the node by the pixel ratio, pass context, width, height, pixelRatio) and
 * the F2 5 mini-program component that passes raf / caf to f-engine's Canvas.
 */
export default function ChartCanvas({ id, height, label, chart }: ChartCanvasProps) {
  useEffect(() => {
    let chartCanvas: F2Canvas | null = null
    let gone = false
    Taro.nextTick(() => {
      void canvasNode(id).then(
        (hit) => {
          if (gone) return
          const node = hit.node
          const pixelRatio = pixelRatioOf()
          node.width = Math.round(hit.width * pixelRatio)
          node.height = Math.round(hit.height * pixelRatio)
          chartCanvas = new F2Canvas({
            context: node.getContext('2d') as CanvasRenderingContext2D,
            pixelRatio,
            width: hit.width,
            height: hit.height,
            ...F2_OPTIONS,
            createImage: () => node.createImage() as unknown as HTMLImageElement,
            requestAnimationFrame: (cb: () => void) => node.requestAnimationFrame(cb),
            cancelAnimationFrame: (handle: number) => node.cancelAnimationFrame(handle),
            children: chart,
          } as ConstructorParameters<typeof F2Canvas>[0])
          void chartCanvas.render()
        },
        // Not rendered (the page left before the query answered): nothing to draw on.
        () => undefined,
      )
    })
    return () => {
      gone = true
      chartCanvas?.destroy()
    }
  }, [id, chart])
  return (
    <View className='chart-canvas' aria-label={label}>
      <Canvas type='2d' id={id} className='chart-canvas__canvas' style={{ height: `${height}px` }} />
    </View>
  )
}
