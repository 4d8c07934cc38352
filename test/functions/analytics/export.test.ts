import type { ExportView } from '../../../cloudfunctions/src/contracts/analytics'
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { newMember } from '../../../cloudfunctions/src/domain/identity'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, openPeriod, sh } from '../camp/support'
import { ANALYST, analytics, analyticsOk } from './support'

let h: FunctionsHarness
let period: AdminPeriodView
const MEMBERS = 2_345
const TRICKY = '=HYPERLINK("x"),\n小明'

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let i = 0
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  while (i < text.length) {
    const c = text[i]
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"'
      i += 2
      continue
    }
    if (c === '"') quoted = !quoted
    else if (!quoted && c === ',') endCell()
    else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      endCell()
      rows.push(row)
      row = []
      i += 1
    } else cell += c
    i += 1
  }
  if (quoted) throw new Error('unterminated quoted field')
  if (cell !== '' || row.length) throw new Error('last record does not end with CRLF')
  return rows
}

const memberId = (i: number) => `exp-${String(i).padStart(5, '0')}`

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await h.member(ANALYST, ['admin'])
  await at(h, '2026-07-01 09:00')
  period = await openPeriod(h, { lengthDays: 7 })
  const joinedAt = sh('2026-07-01 09:30')
  await h.emu.db.insert(
    'members',
    Array.from({ length: MEMBERS }, (_, i) => ({
      ...newMember(memberId(i), joinedAt, { channel: i % 2 ? 'poster' : 'group' }),
      nickname: i === 7 ? TRICKY : `学员${i}`,
      grade: 'g3',
    })),
  )
  await h.emu.db.insert(
    'enrollments',
    Array.from({ length: MEMBERS }, (_, i) => ({
      _id: `${period._id}:${memberId(i)}`,
      periodId: period._id,
      campId: period.campId,
      memberId: memberId(i),
      joinedAt,
      joinedDay: '2026-07-01',
      checkedDays: [],
      madeUpDays: [],
      checkins: i % 8,
      makeups: 0,
      bestStreak: i % 5,
    })),
  )
})
afterAll(() => h.close())

describe('export', () => {
  it('should export every member of a large period as a CSV Excel opens', async () => {
    const out = await analyticsOk<ExportView>(h, 'exportPeriod', { periodId: period._id, format: 'csv' })
    expect(out.rows).toBe(MEMBERS)
    expect(out.format).toBe('csv')
    expect(out.fileName).toMatch(/^英语口语打卡_\d+_第1期_2026-07-01\.csv$/)
    expect(out.fileId).toContain('/analytics-exports/')
    const res = await fetch(out.url)
    expect(res.status).toBe(200)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(bytes.toString('utf8').slice(1))
    expect(rows).toHaveLength(MEMBERS + 1)
    expect(rows[0][0]).toBe('昵称')
    expect(new Set(rows.slice(1).map((r) => r[1])).size).toBe(MEMBERS)
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true)
    const tricky = rows.find((r) => r[1] === memberId(7))
    expect(tricky?.[0]).toBe(`'${TRICKY}`)
    expect(rows.find((r) => r[1] === memberId(3))).toEqual([
      '学员3',
      memberId(3),
      '三年级',
      'poster',
      '',
      '2026-07-01 09:30',
      '3',
      '0',
      '3',
      '是',
      '',
      '',
    ])
  })

  it('should refuse an unknown period and a member', async () => {
    expect((await analytics(h, 'exportPeriod', { periodId: 'none' })).code).toBe('ANALYTICS.PERIOD_NOT_FOUND')
    expect((await analytics(h, 'exportPeriod', { periodId: period._id }, memberId(1))).code).toBe('AUTH.FORBIDDEN')
  })
})
