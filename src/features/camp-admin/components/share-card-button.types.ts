export interface ShareCardButtonProps {
  id?: string
  label: string
  /** Local mode only: where the shared card opens (what a group member taps), so it can be opened directly. */
  cardPath: string
}
