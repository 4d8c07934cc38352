import type { JSX } from '@antv/f2'

export interface ChartCanvasProps {
  id: string
  /** CSS pixels; the width is the card's. */
  height: number
  /** What the chart shows, as text: the canvas's accessible name. */
  label: string
  /** An F2 tree from f2-charts.ts; memoise it, a new one redraws. */
  chart: JSX.Element
}
