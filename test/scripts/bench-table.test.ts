import { formatTable, percentile } from '../../bench/table'

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
})
