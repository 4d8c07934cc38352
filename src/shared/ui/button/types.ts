export type ButtonType = 'default' | 'primary' | 'info' | 'warning' | 'danger'
export type ButtonSize = 'normal' | 'large' | 'small' | 'mini'

export interface ButtonProps {
  id?: string
  type?: ButtonType
  size?: ButtonSize
  block?: boolean
  round?: boolean
  plain?: boolean
  disabled?: boolean
  loading?: boolean
  /** Text shown next to the spinner while loading, e.g. "提交中". */
  loadingText?: string
  onClick?: () => void
  children?: React.ReactNode
}
