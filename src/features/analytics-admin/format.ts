/** Number formats of the dashboards. */
export const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`
export const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`

/** Parses what the operator typed as yuan ("99", "99.5", "99.50") into fen; null when it is not an amount. */
export function parseYuan(text: string): number | null {
  const t = text.trim()
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(t)) return null
  const [whole, frac = ''] = t.split('.')
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'))
}
