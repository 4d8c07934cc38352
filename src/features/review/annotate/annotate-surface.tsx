import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type MouseEvent, type TouchEvent } from 'react'
import { fileSrc } from '@/shared/cloud'
import { normalise } from './annotation-model'
import { ANNOTATE_CANVAS_ID, type SurfaceHandle, type SurfaceProps } from './annotate-surface.types'
import { displayBox } from './display-box'
import { exportSize, paintAnnotation, type Size } from './paint-annotation'

interface Loaded {
  image: HTMLImageElement
  photo: Size
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.crossOrigin = 'anonymous'
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('photo did not load'))
    img.src = src
  })
}

/**
 * H5: a plain <canvas> whose bitmap is the export size, shown scaled to the window; mouse and touch positions are
 * taken relative to the canvas's box and normalised by the size it is shown at. The export is a PNG data URL.
 */
const AnnotateSurface = forwardRef<SurfaceHandle, SurfaceProps>(function AnnotateSurface(props, ref) {
  const { photo, annotation, onStart, onMove, onReady, onError } = props
  const canvas = useRef<HTMLCanvasElement>(null)
  const loaded = useRef<Loaded | null>(null)
  // The load reports to the latest callbacks without restarting when the parent re-renders.
  const report = useRef({ onReady, onError })
  report.current = { onReady, onError }
  const drawing = useRef(false)
  const [display, setDisplay] = useState<Size>({ width: 300, height: 225 })

  useEffect(() => {
    let gone = false
    loadImage(fileSrc(photo)).then(
      (image) => {
        const el = canvas.current
        if (gone || !el) return
        // jsdom and some old browsers report no natural size: a square keeps the marks where they were put.
        const size = { width: image.naturalWidth || image.width || 1, height: image.naturalHeight || image.height || 1 }
        const bitmap = exportSize(size)
        el.width = bitmap.width
        el.height = bitmap.height
        setDisplay(displayBox(size, { width: window.innerWidth, height: window.innerHeight }))
        loaded.current = { image, photo: size }
        report.current.onReady()
      },
      () => void (gone || report.current.onError()),
    )
    return () => {
      gone = true
    }
  }, [photo])

  const paint = () => {
    const el = canvas.current
    const ctx = el?.getContext('2d')
    if (!el || !ctx || !loaded.current) return
    paintAnnotation(ctx, loaded.current.image, loaded.current.photo, { width: el.width, height: el.height }, annotation)
  }
  useEffect(paint, [annotation, display])

  useImperativeHandle(ref, () => ({
    exportImage: async () => {
      const el = canvas.current
      if (!el || !loaded.current) throw new Error('photo not loaded')
      paint()
      return el.toDataURL('image/png')
    },
  }))

  const at = (clientX: number, clientY: number) => {
    const rect = canvas.current?.getBoundingClientRect()
    return normalise(clientX - (rect?.left ?? 0), clientY - (rect?.top ?? 0), display)
  }
  const touch = (e: TouchEvent<HTMLCanvasElement>) => {
    e.preventDefault()
    const t = e.touches[0]
    return t ? at(t.clientX, t.clientY) : null
  }
  return (
    <canvas
      id={ANNOTATE_CANVAS_ID}
      ref={canvas}
      className='rv-annotate__canvas'
      style={{ width: `${display.width}px`, height: `${display.height}px`, touchAction: 'none' }}
      onMouseDown={(e: MouseEvent<HTMLCanvasElement>) => {
        drawing.current = true
        onStart(at(e.clientX, e.clientY))
      }}
      onMouseMove={(e: MouseEvent<HTMLCanvasElement>) => {
        if (drawing.current) onMove(at(e.clientX, e.clientY))
      }}
      onMouseUp={() => (drawing.current = false)}
      onMouseLeave={() => (drawing.current = false)}
      onTouchStart={(e) => {
        const p = touch(e)
        if (p) onStart(p)
      }}
      onTouchMove={(e) => {
        const p = touch(e)
        if (p) onMove(p)
      }}
    />
  )
})

export default AnnotateSurface
