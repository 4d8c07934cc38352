import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react'
import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { canvasNode, loadCanvasImage, type CanvasNode } from '@/shared/canvas/canvas-node'
import { downloadCloudFile } from '@/shared/cloud'
import { normalise } from './annotation-model'
import { ANNOTATE_CANVAS_ID, type SurfaceHandle, type SurfaceProps } from './annotate-surface.types'
import { displayBox } from './display-box'
import { exportSize, paintAnnotation, type Size } from './paint-annotation'

interface Loaded {
  node: CanvasNode
  image: Taro.Image
  photo: Size
}

type Touch = { touches?: { x: number; y: number }[] }

/**
 * WeChat: a `<canvas type="2d">` whose bitmap is the export size (the photo's aspect, long side capped) shown scaled to
 * the window; the photo is downloaded by fileID and drawn with the node's own image. Canvas touches carry x/y
 * relative to the canvas in CSS px, normalised by the size it is shown at.
 */
const AnnotateSurface = forwardRef<SurfaceHandle, SurfaceProps>(function AnnotateSurface(props, ref) {
  const { photo, annotation, onStart, onMove, onReady, onError } = props
  const loaded = useRef<Loaded | null>(null)
  // The load reports to the latest callbacks without restarting when the parent re-renders.
  const report = useRef({ onReady, onError })
  report.current = { onReady, onError }
  const [display, setDisplay] = useState<Size>({ width: 300, height: 225 })

  useEffect(() => {
    let gone = false
    Taro.nextTick(() => {
      void (async () => {
        try {
          const { node } = await canvasNode(ANNOTATE_CANVAS_ID)
          const image = await loadCanvasImage(node, await downloadCloudFile(photo))
          if (gone) return
          const size = { width: image.width, height: image.height }
          const bitmap = exportSize(size)
          node.width = bitmap.width
          node.height = bitmap.height
          const win = Taro.getWindowInfo()
          setDisplay(displayBox(size, { width: win.windowWidth, height: win.windowHeight }))
          loaded.current = { node, image, photo: size }
          report.current.onReady()
        } catch {
          if (!gone) report.current.onError()
        }
      })()
    })
    return () => {
      gone = true
    }
  }, [photo])

  const paint = () => {
    const l = loaded.current
    if (!l) return
    const ctx = l.node.getContext('2d') as CanvasRenderingContext2D
    paintAnnotation(ctx, l.image as unknown as CanvasImageSource, l.photo, { width: l.node.width, height: l.node.height }, annotation)
  }
  useEffect(paint, [annotation, display])

  useImperativeHandle(ref, () => ({
    exportImage: async () => {
      const l = loaded.current
      if (!l) throw new Error('photo not loaded')
      paint()
      const { width, height } = l.node
      const out = await Taro.canvasToTempFilePath({
        canvas: l.node,
        x: 0,
        y: 0,
        width,
        height,
        destWidth: width,
        destHeight: height,
        fileType: 'png',
      })
      return out.tempFilePath
    },
  }))

  const at = (e: Touch) => {
    const t = e.touches?.[0]
    return t ? normalise(t.x, t.y, display) : null
  }
  return (
    <Canvas
      type='2d'
      id={ANNOTATE_CANVAS_ID}
      className='rv-annotate__canvas'
      style={{ width: `${display.width}px`, height: `${display.height}px` }}
      disableScroll
      onTouchStart={(e) => {
        const p = at(e as unknown as Touch)
        if (p) onStart(p)
      }}
      onTouchMove={(e) => {
        const p = at(e as unknown as Touch)
        if (p) onMove(p)
      }}
    />
  )
})

export default AnnotateSurface
