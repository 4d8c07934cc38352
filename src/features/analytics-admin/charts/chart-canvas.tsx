import { useEffect, useRef } from 'react'
import { View } from '@tarojs/components'
import { Canvas as F2Canvas } from '@antv/f2'
import type { ChartCanvasProps } from './chart-canvas.types'
import { F2_OPTIONS } from './f2-charts'
import './chart-canvas.scss'

/** H5: a plain <canvas> sized to the card at the device's pixel ratio; F2 draws the tree into its 2D context. */
export default function ChartCanvas({ id, height, label, chart }: ChartCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const el = ref.current
    // jsdom (page tests) has no 2D context: the text label stays, nothing is drawn.
    const context = el && typeof navigator !== 'undefined' && !/jsdom/.test(navigator.userAgent) ? el.getContext('2d') : null
    if (!el || !context) return
    const width = el.clientWidth || 320
    const pixelRatio = window.devicePixelRatio || 1
    el.width = Math.round(width * pixelRatio)
    el.height = Math.round(height * pixelRatio)
    const canvas = new F2Canvas({ ...F2_OPTIONS, context, pixelRatio, width, height, children: chart })
    void canvas.render()
    return () => canvas.destroy()
  }, [chart, height])
  return (
    <View className='chart-canvas' aria-label={label}>
      <canvas id={id} ref={ref} className='chart-canvas__canvas' style={{ height: `${height}px` }} />
    </View>
  )
}
