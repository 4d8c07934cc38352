import { formatTable, latencyCells, loadModes, percentile } from '../../bench/table'

describe('bench table', () => {
  it('should compute nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i)
    expect(percentile(xs, 50)).toBe(50)
    expect(percentile(xs, 95)).toBe(95)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([], 50)).toBeNaN()
  })

  it('should align columns and right-align numbers', () => {
    const out = formatTable('t', [
      { op: 'get', p50: 0.5 },
      { op: 'transaction', p50: 12 },
    ]).split('\n')
    expect(out[0]).toBe('### t')
    expect(out[1]).toBe('| op          |   p50 |')
    expect(out[3]).toBe('| get         | 0.500 |')
    expect(out[4]).toBe('| transaction |    12 |')
  })

  it('should give p50 / p95 cells rounded to 0.01 ms and the two load rows', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1 + 0.123)
    expect(latencyCells(xs)).toEqual({ p50Ms: 50.12, p95Ms: 95.12 })
    expect(loadModes(50, 'callers', 1000)).toEqual([
      ['50 callers, think 0–1000 ms', 1000],
      ['50 in flight (saturation)', 0],
    ])
  })
})
