/**
 * Times shown to members are Beijing time whatever the phone's zone is. Asia/Shanghai has kept UTC+8 without
 * daylight saving since 1991, so a fixed offset is exact and needs no Intl time-zone data (missing on some devices).
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

export interface ShanghaiParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

export function shanghaiParts(epochMs: number): ShanghaiParts {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() }
}

/** `2026-11-23` */
export function formatDate(epochMs: number): string {
  const p = shanghaiParts(epochMs)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** `2026-11-23 08:05` */
export function formatDateTime(epochMs: number): string {
  const p = shanghaiParts(epochMs)
  return `${formatDate(epochMs)} ${pad(p.hour)}:${pad(p.minute)}`
}

/** `11-23 08:05` within the year of `now`, the full date and time otherwise. */
export function formatShortDateTime(epochMs: number, now: number): string {
  const p = shanghaiParts(epochMs)
  if (p.year !== shanghaiParts(now).year) return formatDateTime(epochMs)
  return `${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`
}

/** Epoch ms of 00:00 Beijing time on `YYYY-MM-DD`; null when the text is not a real date. */
export function shanghaiDayStart(ymd: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd)
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const utc = Date.UTC(year, month - 1, day)
  const back = new Date(utc)
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null
  return utc - SHANGHAI_OFFSET_MS
}

/** Epoch ms of the next day's 00:00 Beijing time: an exclusive end for "through this day". */
export function shanghaiDayEnd(ymd: string): number | null {
  const start = shanghaiDayStart(ymd)
  return start === null ? null : start + DAY_MS
}
