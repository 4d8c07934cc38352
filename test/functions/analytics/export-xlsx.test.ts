/**
 * The period workbook: exported through the real function bundle (exceljs inside it), fetched from the temp URL and
 * parsed back with exceljs. Days after today are 未到 with empty counts; every poster code is listed (the dashboard
 * keeps 10); text that looks like a formula stays text.
 */
import { Workbook, type Worksheet } from 'exceljs'
import type { ExportView } from '../../../cloudfunctions/src/contracts/analytics'
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { newMember } from '../../../cloudfunctions/src/domain/identity'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, openPeriod, sh } from '../camp/support'
import { ANALYST, analyticsOk } from './support'

let h: FunctionsHarness
let period: AdminPeriodView
const MEMBERS = 36
const TRICKY = '=HYPERLINK("x")'
const memberId = (i: number) => `xl-${String(i).padStart(3, '0')}`
/** Member i checked in on the first (i % 4) days: 0, 1, 2 or 3 of the 3 days reached. */
const daysOf = (i: number) => ['2026-07-01', '2026-07-02', '2026-07-03'].slice(0, i % 4)
/** Members 0..23 came through 12 poster codes (two each), 24..35 untagged. */
const poster = (i: number) => `P${String(i % 12).padStart(2, '0')}`

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
      ...newMember(memberId(i), joinedAt, i < 24 ? { channel: 'poster', posterCode: poster(i) } : {}),
      nickname: i === 5 ? TRICKY : `学员${i}`,
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
      checkedDays: daysOf(i),
      madeUpDays: [],
      checkins: daysOf(i).length,
      makeups: 0,
      bestStreak: daysOf(i).length,
    })),
  )
  await analyticsOk(h, 'setRounds', { periodId: period._id, rounds: [{ name: '结营特惠', startDay: '2026-07-08' }] })
  await h.emu.db.insert('conversions', [
    {
      _id: `${period._id}:${memberId(3)}`,
      periodId: period._id,
      memberId: memberId(3),
      round: 1,
      amountFen: 199_00,
      note: '电话成交',
      recordedBy: ANALYST,
      recordedAt: sh('2026-07-02 20:15'),
      updatedAt: sh('2026-07-02 20:15'),
    },
  ])
  await at(h, '2026-07-03 10:00')
}, 60_000)
afterAll(() => h.close())

async function download(out: ExportView): Promise<Workbook> {
  const res = await fetch(out.url)
  expect(res.status).toBe(200)
  const book = new Workbook()
  // exceljs types its own Buffer; the bytes are the same.
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as Parameters<Workbook['xlsx']['load']>[0])
  return book
}

const rowsOf = (sheet: Worksheet | undefined): unknown[][] => {
  if (!sheet) throw new Error('sheet missing')
  const out: unknown[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => out.push((row.values as unknown[]).slice(1)))
  return out
}

describe('export as a workbook', () => {
  it('should export the period as an .xlsx with one sheet per table and Chinese headers', async () => {
    const out = await analyticsOk<ExportView>(h, 'exportPeriod', { periodId: period._id })
    expect(out).toMatchObject({ format: 'xlsx', rows: MEMBERS })
    expect(out.fileName).toMatch(/^英语口语打卡_\d+_第1期_2026-07-03\.xlsx$/)
    expect(decodeURIComponent(out.fileId).endsWith(`/${out.fileName}`)).toBe(true)
    const book = await download(out)
    expect(book.worksheets.map((s) => s.name)).toEqual(['学员', '每日参与', '渠道漏斗', '海报漏斗', '转化轮次', '付费登记'])

    const members = rowsOf(book.getWorksheet('学员'))
    expect(members[0]).toEqual(expect.arrayContaining(['昵称', '学员ID', '首次来源渠道', '海报码', '打卡天数', '金额(元)']))
    expect(members).toHaveLength(MEMBERS + 1)
    expect(members.find((r) => r[1] === memberId(3))).toEqual([
      '学员3',
      memberId(3),
      '三年级',
      'poster',
      'P03',
      '2026-07-01 09:30',
      3,
      0,
      3,
      '是',
      '第1轮',
      199,
    ])
    // A string cell, never a formula: exceljs would read a formula back as { formula }.
    expect(members.find((r) => r[1] === memberId(5))?.[0]).toBe(TRICKY)
  })

  it('should mark the days not reached yet instead of showing 0 %', async () => {
    const book = await download(await analyticsOk<ExportView>(h, 'exportPeriod', { periodId: period._id }))
    const daily = rowsOf(book.getWorksheet('每日参与'))
    expect(daily[0]).toEqual(['第几天', '日期', '状态', '在营人数', '打卡人数', '参与率', '第1天打卡人数', '其中当天打卡', '留存率'])
    expect(daily).toHaveLength(8)
    // Checked day 1: i % 4 ∈ {1,2,3} → 27 of 36; day 3: i % 4 = 3 → 9.
    expect(daily[1]).toEqual(['第1天', '2026-07-01', '已到', 36, 27, 0.75, 27, 27, 1])
    expect(daily[3]).toEqual(['第3天', '2026-07-03', '已到', 36, 9, 0.25, 27, 9, 0.3333])
    expect(daily[4]).toEqual(['第4天', '2026-07-04', '未到'])
    expect(book.getWorksheet('每日参与')?.getCell('F2').numFmt).toBe('0.0%')
  })

  it('should list every channel and poster code with its funnel, and the rounds and paid conversions', async () => {
    const book = await download(await analyticsOk<ExportView>(h, 'exportPeriod', { periodId: period._id }))
    const channels = rowsOf(book.getWorksheet('渠道漏斗'))
    expect(channels[0]).toEqual(['首次来源渠道', '报名', '打卡至少1天', '打卡过半', '完成', '付费', '付费率'])
    expect(channels.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['poster', 24],
      ['(无)', 12],
    ])
    const posters = rowsOf(book.getWorksheet('海报漏斗'))
    expect(posters).toHaveLength(1 + 12 + 1)
    // P03: members 3 and 15, three days each (completed: minCheckins 3, half of 7 is 4), member 3 paid.
    expect(posters.find((r) => r[0] === 'P03')).toEqual(['P03', 2, 2, 0, 2, 1, 0.5])
    expect(rowsOf(book.getWorksheet('转化轮次'))).toEqual([
      ['轮次', '名称', '开始日期', '付费人数', '占报名', '占完成者'],
      ['第1轮', '结营特惠', '2026-07-08', 1, 0.0278, 0.1111],
    ])
    expect(rowsOf(book.getWorksheet('付费登记'))).toEqual([
      ['昵称', '学员ID', '轮次', '轮次名称', '金额(元)', '登记时间', '备注'],
      ['学员3', memberId(3), '第1轮', '结营特惠', 199, '2026-07-02 20:15', '电话成交'],
    ])
  })
})
