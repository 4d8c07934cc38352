import { DAY_CARD_TEXT_CHARS, dayCardFacts, oneLine, type DayCardInput } from '../../../cloudfunctions/src/domain/community'

describe('oneLine', () => {
  it('should keep the first non-empty line, whitespace collapsed', () => {
    expect(oneLine('\r\n  \n  今天  读了\t绘本 \r\n第二行')).toBe('今天 读了 绘本')
    expect(oneLine('')).toBe('')
    expect(oneLine(' \n \n')).toBe('')
  })

  it('should cut a long line to the card’s width with an ellipsis, never splitting an emoji', () => {
    const long = '😀'.repeat(30)
    const cut = oneLine(long)
    expect([...cut]).toHaveLength(DAY_CARD_TEXT_CHARS)
    expect(cut).toBe(`${'😀'.repeat(DAY_CARD_TEXT_CHARS - 1)}…`)
    expect(oneLine('一'.repeat(DAY_CARD_TEXT_CHARS))).toBe('一'.repeat(DAY_CARD_TEXT_CHARS))
  })
})

describe('dayCardFacts', () => {
  const period: DayCardInput['period'] = {
    startDay: '2026-03-02',
    lengthDays: 7,
    tasks: [{ day: 3, theme: '朗读', instructions: '读一段' }],
    makeup: { maxCount: 2, withinDays: 3, cost: 0, keepsStreak: true },
  }
  const checkin = (day: string, over: Partial<NonNullable<DayCardInput['checkin']>> = {}): DayCardInput['checkin'] => ({
    day,
    content: { text: '打卡内容', images: [], voice: null },
    textVerdict: 'pass',
    moderation: 'pass',
    ...over,
  })
  const enrollment = { checkedDays: ['2026-03-02', '2026-03-04'], madeUpDays: ['2026-03-03'] }

  it('should give day N, its task and the streak through that day (a kept make-up joins it)', () => {
    expect(dayCardFacts({ period, enrollment, checkin: checkin('2026-03-04'), day: '2026-03-04' })).toEqual({
      day: '2026-03-04',
      dayIndex: 3,
      theme: '朗读',
      streak: 3,
      text: '打卡内容',
    })
    // Days after the card's day do not count.
    expect(dayCardFacts({ period, enrollment, checkin: checkin('2026-03-02'), day: '2026-03-02' })).toMatchObject({ streak: 1, theme: '' })
  })

  it('should not join a make-up to the streak when the period says it does not keep it', () => {
    const noKeep = { ...period, makeup: { ...period.makeup, keepsStreak: false } }
    expect(dayCardFacts({ period: noKeep, enrollment, checkin: checkin('2026-03-04'), day: '2026-03-04' })).toMatchObject({ streak: 1 })
  })

  it('should make a card for a made-up day too', () => {
    expect(dayCardFacts({ period, enrollment, checkin: checkin('2026-03-03'), day: '2026-03-03' })).toMatchObject({ dayIndex: 2 })
  })

  it('should refuse a day not checked, outside the period, or without its check-in', () => {
    const refused = { ok: false, code: 'COMMUNITY.DAY_CARD_NOT_CHECKED', message: '这一天还没有打卡，打卡后才能生成日签' }
    expect(dayCardFacts({ period, enrollment, checkin: null, day: '2026-03-05' })).toEqual(refused)
    expect(
      dayCardFacts({
        period,
        enrollment: { checkedDays: ['2026-03-01'], madeUpDays: [] },
        checkin: checkin('2026-03-01'),
        day: '2026-03-01',
      }),
    ).toEqual(refused)
    expect(dayCardFacts({ period, enrollment, checkin: null, day: '2026-03-02' })).toEqual(refused)
    expect(dayCardFacts({ period, enrollment, checkin: checkin('2026-03-04'), day: '2026-03-02' })).toEqual(refused)
  })

  it('should leave text off the card unless the content check passed it and the check-in was not found risky later', () => {
    const card = (over: Partial<NonNullable<DayCardInput['checkin']>>) =>
      dayCardFacts({ period, enrollment, checkin: checkin('2026-03-04', over), day: '2026-03-04' })
    expect(card({ textVerdict: 'review' })).toMatchObject({ text: '' })
    expect(card({ moderation: 'risky' })).toMatchObject({ text: '' })
    expect(card({ moderation: 'pending' })).toMatchObject({ text: '打卡内容' })
  })
})
