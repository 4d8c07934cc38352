import type { ShareTarget } from '@/shared/share/share-path'

export interface DayCardShareProps {
  id: string
  /** What the shared card opens, and the sharer's invite code it carries. */
  target: ShareTarget
  inviterCode: string
}
