export interface EmptyProps {
  description: string
  /** Optional action under the description (e.g. a retry button). */
  children?: React.ReactNode
}
