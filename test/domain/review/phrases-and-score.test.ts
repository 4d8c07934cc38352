import { addPhrase, parseScore, reorderPhrases, removePhrase, scoreLabel, scoreOptions, updatePhrase } from '@cloud/domain/review'

describe('quick phrases', () => {
  it('should trim and append a phrase', () =>
    expect(addPhrase(['很棒'], '  继续保持 ')).toEqual({ ok: true, phrases: ['很棒', '继续保持'] }))

  it('should insert at a position', () => expect(addPhrase(['a', 'b'], 'c', 1)).toEqual({ ok: true, phrases: ['a', 'c', 'b'] }))

  it('should accept exactly 100 characters and the 30th phrase', () => {
    const list = Array.from({ length: 29 }, (_, i) => `p${i}`)
    expect(addPhrase(list, '好'.repeat(100)).ok).toBe(true)
  })

  it('should remove by text', () => expect(removePhrase(['a', 'b'], 'a')).toEqual({ ok: true, phrases: ['b'] }))

  it('should reorder to a permutation', () =>
    expect(reorderPhrases(['a', 'b', 'c'], ['c', 'a', 'b'])).toEqual({ ok: true, phrases: ['c', 'a', 'b'] }))

  it('should refuse an order that drops a phrase', () => expect(reorderPhrases(['a', 'b'], ['a']).ok).toBe(false))

  it('should rename in place', () => expect(updatePhrase(['a', 'b'], 'a', 'x')).toEqual({ ok: true, phrases: ['x', 'b'] }))
})

describe('score scales', () => {
  it('should accept 1–5 stars only as integers', () => {
    expect([1, 5].map((v) => parseScore('stars5', v))).toEqual([
      { scale: 'stars5', value: 1 },
      { scale: 'stars5', value: 5 },
    ])
    expect([0, 6, 4.5, '4', 'A'].map((v) => parseScore('stars5', v))).toEqual([null, null, null, null, null])
  })

  it('should accept A, B, C only on a grade camp', () => {
    expect(parseScore('abc', 'B')).toEqual({ scale: 'abc', value: 'B' })
    expect(['a', 'D', 3].map((v) => parseScore('abc', v))).toEqual([null, null, null])
  })

  it('should label scores in Chinese', () => {
    expect(scoreLabel({ scale: 'stars5', value: 4 })).toBe('4 星')
    expect(scoreLabel({ scale: 'abc', value: 'A' })).toBe('A · 优秀')
  })

  it('should list the options of each scale', () => {
    expect(scoreOptions('stars5')).toHaveLength(5)
    expect(scoreOptions('abc').map((s) => s.value)).toEqual(['A', 'B', 'C'])
  })
})
