/** 25 分钟 / 2 小时 5 分: how long, for the stats page (the server labels the overall median itself). */
export function minutesLabel(minutes: number | null): string {
  if (minutes === null) return '暂无'
  if (minutes < 1) return '不到 1 分钟'
  if (minutes < 60) return `${minutes} 分钟`
  const rest = minutes % 60
  return `${Math.floor(minutes / 60)} 小时${rest ? ` ${rest} 分` : ''}`
}
