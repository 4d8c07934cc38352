import type { PeriodStatus } from '@cloud/domain/camp'

/** Stored period status as admins read it (the function's effective status may be a step ahead for open/running). */
export const PERIOD_STATUS_TEXT: Readonly<Record<PeriodStatus, string>> = {
  draft: '草稿',
  open: '已发布',
  running: '进行中',
  ended: '已结束',
  closed: '已结营',
}
