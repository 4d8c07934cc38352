import type { Annotation, Point } from './annotation-model'

/** The drawing canvas of the annotator, one per build (annotate-surface.tsx for H5, annotate-surface.weapp.tsx). */
export interface SurfaceProps {
  /** The photo's fileID. */
  photo: string
  annotation: Annotation
  /** A finger (or mouse) went down / moved, at a point on the photo (0..1). */
  onStart: (p: Point) => void
  onMove: (p: Point) => void
  /** The photo is drawn and the canvas takes strokes, or it could not be loaded. */
  onReady: () => void
  onError: () => void
}

export interface SurfaceHandle {
  /** The photo with the marks at export size (long side ≤ EXPORT_LONG_SIDE), as a file path uploadFile takes. */
  exportImage: () => Promise<string>
}

export const ANNOTATE_CANVAS_ID = 'annotate-canvas'
