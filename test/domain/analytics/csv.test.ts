import { BOM, csvCell, csvLine, exportRow, planRounds, roundRates, toCsv } from '@cloud/domain/analytics'

describe('CSV for Excel', () => {
  it('should start with a BOM and end records with CRLF', () => {
    const text = toCsv([
      ['a', 1],
      ['b', 2],
    ])
    expect(text.startsWith(BOM)).toBe(true)
    expect(text.slice(1)).toBe('a,1\r\nb,2\r\n')
  })

  it('should quote commas, quotes and line breaks per RFC 4180', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('他说"好"')).toBe('"他说""好"""')
    expect(csvCell('一行\n两行')).toBe('"一行\n两行"')
    expect(csvCell('plain 中文')).toBe('plain 中文')
    expect(csvCell(null)).toBe('')
  })

  it.each(['=1+1', '+86 138', '-2', '@SUM(A1)', '\tx'])('should guard %j against running as a formula', (v) => {
    expect(csvCell(v).replace(/^"/, '').startsWith("'")).toBe(true)
  })

  it('should leave numbers alone and guard a formula that also needs quotes', () => {
    expect(csvCell(-5)).toBe('-5')
    expect(csvLine(['=A1,B1', 3])).toBe('"\'=A1,B1",3\r\n')
  })

  it('should write an export row with labels, yes/no and yuan', () => {
    const row = exportRow({
      memberId: 'm1',
      nickname: '小明',
      grade: 'g3',
      subjects: ['english'],
      channel: 'poster',
      posterCode: 'AB12',
      joinedAt: '2026-03-02 09:00',
      checkins: 6,
      makeups: 1,
      bestStreak: 4,
      completed: true,
      paidRound: 2,
      amountFen: 19_900,
    })
    expect(row).toEqual(['小明', 'm1', '三年级 英语', 'poster', 'AB12', '2026-03-02 09:00', 6, 1, 4, '是', '第2轮', '199.00'])
  })
})

describe('conversion rounds', () => {
  it('should number rounds and require later start days and names', () => {
    expect(planRounds([{ name: ' 结营特惠 ', startDay: '2026-03-09' }])).toEqual([{ round: 1, name: '结营特惠', startDay: '2026-03-09' }])
    expect(
      planRounds([
        { name: 'A', startDay: '2026-03-09' },
        { name: 'B', startDay: '2026-03-09' },
      ]),
    ).toMatchObject({ code: 'ANALYTICS.ROUNDS_INVALID' })
    expect(planRounds([{ name: ' ', startDay: '2026-03-09' }])).toMatchObject({ code: 'ANALYTICS.ROUNDS_INVALID' })
    expect(planRounds(Array.from({ length: 4 }, (_, i) => ({ name: `R${i}`, startDay: `2026-03-1${i}` })))).toMatchObject({ ok: false })
  })

  it('should rate each round against members and against completers', () => {
    const rounds = [
      { round: 1, name: 'A', startDay: '2026-03-09' },
      { round: 2, name: 'B', startDay: '2026-03-11' },
    ]
    expect(roundRates(rounds, [3, 1, 0], 100, 20).map((r) => [r.paid, r.rateOfMembers, r.rateOfCompleted])).toEqual([
      [3, 0.03, 0.15],
      [1, 0.01, 0.05],
    ])
  })
})
