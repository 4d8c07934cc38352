import { GRADE_VALUES, STAR_VALUES, type Grade, type Score, type ScoreInput, type ScoreScale, type Stars } from './model'

/** How each scale is called in the admin form. */
export const SCORE_SCALE_LABEL: Readonly<Record<ScoreScale, string>> = { stars5: '五星评分', abc: 'A/B/C 等级' }

const GRADE_LABEL: Readonly<Record<Grade, string>> = { A: 'A · 优秀', B: 'B · 良好', C: 'C · 继续加油' }

/** The values a scale accepts, in the order the page shows them. */
export function scoreOptions(scale: ScoreScale): Score[] {
  return scale === 'stars5' ? STAR_VALUES.map((value): Score => ({ scale, value })) : GRADE_VALUES.map((value): Score => ({ scale, value }))
}

/** The score for `raw` on the camp's scale, or null when it does not fit (e.g. 'A' on a star camp, 4.5 stars, 0). */
export function parseScore(scale: ScoreScale, raw: ScoreInput): Score | null {
  if (scale === 'stars5') {
    const star = STAR_VALUES.find((s) => s === raw)
    return star === undefined ? null : { scale, value: star as Stars }
  }
  const grade = GRADE_VALUES.find((g) => g === raw)
  return grade === undefined ? null : { scale, value: grade }
}

/** The Chinese label members and teachers see: 「4 星」 or 「A · 优秀」. */
export function scoreLabel(score: Score): string {
  return score.scale === 'stars5' ? `${score.value} 星` : GRADE_LABEL[score.value]
}

/** ★★★★☆ — for compact lists. */
export function starString(score: Score): string {
  return score.scale === 'stars5' ? '★'.repeat(score.value) + '☆'.repeat(5 - score.value) : score.value
}
