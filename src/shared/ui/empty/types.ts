export interface EmptyProps {
  description: string
  /**
   * Which illustration: 'default' (nothing here yet), 'search' (nothing found), 'error' / 'network' (could not load).
   * The weapp shows vant's own empty-state images; H5 draws the same kinds.
   */
  image?: 'default' | 'search' | 'error' | 'network'
  /** Optional action under the description (e.g. a retry button). */
  children?: React.ReactNode
}
