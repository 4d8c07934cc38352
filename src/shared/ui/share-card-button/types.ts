import type { ShareTarget } from '@/shared/share/share-path'

export interface ShareCardButtonProps {
  id?: string
  label: string
  /** The card the page shares (its onShareAppMessage answers the same); local mode opens it directly. */
  card: ShareTarget
}
