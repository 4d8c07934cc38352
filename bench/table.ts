/** Prints benchmark rows as an aligned text table (numbers right-aligned). */
export type Row = Record<string, string | number>

export function formatTable(title: string, rows: Row[]): string {
  if (!rows.length) return `${title}\n(no rows)`
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))]
  const cell = (v: string | number | undefined) =>
    v === undefined ? '' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : v
  const grid = [cols, ...rows.map((r) => cols.map((c) => cell(r[c])))]
  const widths = cols.map((_, i) => Math.max(...grid.map((g) => g[i].length)))
  const numeric = cols.map((c) => rows.every((r) => typeof r[c] !== 'string'))
  const line = (g: string[]) => '| ' + g.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ') + ' |'
  return [
    `### ${title}`,
    line(grid[0]),
    '|' + widths.map((w, i) => (numeric[i] ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|',
    ...grid.slice(1).map(line),
  ].join('\n')
}

/** p-th percentile (0–100) of samples, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

/** Milliseconds rounded to 0.01 for a table cell. */
export const roundMs = (n: number): number => Math.round(n * 100) / 100

/** A row's latency cells: p50 and p95 of the samples, rounded. */
export const latencyCells = (times: number[]): { p50Ms: number; p95Ms: number } => ({
  p50Ms: roundMs(percentile(times, 50)),
  p95Ms: roundMs(percentile(times, 95)),
})

/** The two load rows the load benchmarks print: `count` callers thinking 0..thinkMs between calls, and all in flight. */
export const loadModes = (count: number, callers: string, thinkMs: number): readonly (readonly [string, number])[] => [
  [`${count} ${callers}, think 0–${thinkMs} ms`, thinkMs],
  [`${count} in flight (saturation)`, 0],
]
