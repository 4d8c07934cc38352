/**
 * The F2 (@antv/f2 5) chart trees the dashboard draws, built with F2's own `jsx` (not React's): a line for a daily
 * curve, a funnel for the stages. Shared by the H5 and weapp canvases; only the canvas differs between builds.
 */
import { Axis, Chart, Interval, jsx, Line, Point, type JSX } from '@antv/f2'
import { percent } from '../format'
import type { CurveChart, FunnelStep } from './chart-data'
import { COLORS, FUNNEL_SHADES } from '@/shared/ui/tokens'

/**
 * F2's `jsx` is typed for its TSX pragma, where each component checks its own props; called as a function those
 * generic signatures do not line up, so the one untyped call is here. The props below follow F2's documented API.
 */
const el = jsx as unknown as (type: unknown, props: object | null, ...children: JSX.Element[]) => JSX.Element

/**
 * Canvas options both builds pass. F2 reads its theme in 750-wide design pixels and, by default, converts them with
 * the page's root font size, which Taro's H5 rem layout sets to about 20 px (labels came out 4 px tall); half a design
 * pixel per CSS pixel is what a 750-wide design means on every screen, as in the mini program.
 */
export const F2_OPTIONS = { px2hd: (px: number) => px / 2, animate: false }

const BLUE = COLORS.primary
const FUNNEL_COLORS = FUNNEL_SHADES

/** Rates 0..100 % on y; every period day on x (ticks thinned for long periods), the reached days as a line. */
export function lineChart(chart: CurveChart) {
  return el(
    Chart,
    {
      data: chart.points,
      scale: {
        day: { type: 'cat', values: chart.days, tickCount: Math.min(chart.days.length, 7) },
        rate: { min: 0, max: 1, tickCount: 5 },
      },
    },
    el(Axis, { field: 'day' }),
    el(Axis, { field: 'rate', formatter: (v: number) => `${Math.round(v * 100)}%` }),
    el(Line, { x: 'day', y: 'rate', color: BLUE }),
    el(Point, { x: 'day', y: 'rate', color: BLUE, size: 3 }),
  )
}

/** A symmetric funnel, widest at the top (joined), each step labelled beside it with its count and share of joins. */
export function funnelChart(steps: readonly FunnelStep[]) {
  return el(
    Chart,
    {
      data: [...steps].reverse(),
      coord: { transposed: true },
      // The widest step takes about 60 % of the width, leaving room on the right for its label.
      scale: { share: { min: 0, max: 1.6 } },
    },
    el(Interval, {
      x: 'stage',
      y: 'share',
      adjust: 'symmetric',
      shape: 'funnel',
      color: { field: 'stage', range: [...FUNNEL_COLORS].reverse() },
      showLabel: true,
      labelCfg: {
        offsetX: 8,
        // Beside each step, not inside: the narrow lower steps have no room for text.
        label: (origin: FunnelStep) => ({
          text: `${origin.short} ${origin.count}人 · ${percent(origin.share)}`,
          fill: COLORS.text,
          fontSize: 11,
        }),
      },
    }),
  )
}
