export interface CellProps {
  id?: string
  title: string
  value?: string
  label?: string
  /** Shows the arrow and makes the row tappable. */
  isLink?: boolean
  onClick?: () => void
}
