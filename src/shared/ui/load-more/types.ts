/** idle: more pages exist (tap or reach bottom to load); done: the last page is shown. */
export type LoadMoreStatus = 'idle' | 'loading' | 'done' | 'error'

export interface LoadMoreProps {
  id?: string
  status: LoadMoreStatus
  onLoad: () => void
}
