import { pageUrl } from '@/shared/route'
import { filterFromParams, filterParams, dayOptions, periodOptions } from '@/features/review/queue-filter'
import { formOf, withPhrase } from '@/features/review/review-form'
import { movedPhrase } from '@/features/review/phrase-order'
import { minutesLabel } from '@/features/review/stats-label'
import { reviewUploadPath, voiceFileName } from '@/features/review/upload-path'
import { openView, reviewView } from './fixtures'

const params = (q: Record<string, string>) => (name: string) => q[name] ?? ''

describe('review page rules', () => {
  it('should upload voice comments under reviews/{teacherId}/{periodId}/', () => {
    expect(reviewUploadPath('oTeacher1', 'p1', '1700000000000-abc123.mp3')).toBe('reviews/oTeacher1/p1/1700000000000-abc123.mp3')
  })

  it('should name a recording by time, a random tail and its extension', () => {
    expect(voiceFileName(1700000000000, 'mp3', () => 0)).toBe('1700000000000-000000.mp3')
    expect(voiceFileName(1, '.m4a', () => 0.5)).toMatch(/^1-[0-9a-z]{6}\.m4a$/)
  })

  it('should carry the queue filter to the review page and back', () => {
    const f = { kind: 'returned' as const, periodId: 'p1', day: '2026-11-20' }
    const url = pageUrl('review/review', { checkinId: 'c1', ...filterParams(f) })
    expect(filterFromParams(params(Object.fromEntries(new URLSearchParams(url.split('?')[1]))))).toEqual(f)
  })

  it('should fall back to today’s pending queue for unknown filter values', () => {
    expect(filterFromParams(params({ kind: 'x', day: 'yesterday' }))).toEqual({ kind: 'pending', day: 'today' })
  })

  it('should list older backlog days with their counts after 今天 and 全部日期', () => {
    const backlog = { total: 5, byPeriod: [], byDay: [{ day: '2026-11-22', count: 5 }], byPeriodDay: [] }
    expect(dayOptions(backlog, 'today').map((o) => o.label)).toEqual(['今天', '全部日期 5', '11-22 · 5'])
  })

  it('should keep a chosen period listed after its backlog is cleared', () => {
    expect(periodOptions(null, new Map([['p1', '第 3 期']]), 'p1').map((o) => o.label)).toEqual(['全部期次', '第 3 期'])
  })

  it('should add a phrase on a new line after what is written', () => {
    expect(withPhrase('很好', '继续加油')).toBe('很好\n继续加油')
    expect(withPhrase('', '继续加油')).toBe('继续加油')
  })

  it('should refuse a phrase that would pass the 500-character limit', () => {
    expect(withPhrase('好'.repeat(498), '继续加油')).toBeNull()
  })

  it('should start the form from the teacher’s own editable review only', () => {
    expect(formOf(openView('m1', { review: reviewView() }))).toEqual({
      comment: '读得很流利，继续加油！',
      score: 4,
      featured: false,
      reason: '',
      annotatedImages: [],
    })
    expect(formOf(openView('m1', { review: reviewView({ editable: false }) })).comment).toBe('')
    const annotatedImages = ['cloud://env/sealed/pub/a.png']
    expect(formOf(openView('m1', { review: reviewView({ annotatedImages }) })).annotatedImages).toEqual(annotatedImages)
    expect(formOf(openView('m1', { review: reviewView({ annotatedImages, editable: false }) })).annotatedImages).toEqual([])
  })

  it('should move a phrase one place and leave the ends alone', () => {
    expect(movedPhrase(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(movedPhrase(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
  })

  it('should label a median wait in minutes and hours', () => {
    expect(minutesLabel(null)).toBe('暂无')
    expect(minutesLabel(125)).toBe('2 小时 5 分')
  })
})
