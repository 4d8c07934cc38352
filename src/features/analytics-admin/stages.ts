import type { FunnelStage } from '@cloud/domain/analytics/funnel'

/** The funnel's stages in order, with the labels the dashboard shows (the client imports only types from the cloud). */
export const STAGES: readonly { key: FunnelStage; label: string; short: string }[] = [
  { key: 'joined', label: '报名', short: '报名' },
  { key: 'checkedIn', label: '至少打卡 1 天', short: '打卡' },
  { key: 'half', label: '打卡过半', short: '过半' },
  { key: 'completed', label: '完成', short: '完成' },
  { key: 'paid', label: '付费', short: '付费' },
]
