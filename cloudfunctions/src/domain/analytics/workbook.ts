/**
 * The period workbook (导出 Excel): one table per sheet with Chinese headers, described as plain data so the rules stay
 * pure and testable; services/analytics/xlsx.ts writes it with exceljs. Days the period has not reached yet are marked
 * 未到 with empty counts (a 0 % there would read as "nobody came").
 */
import { GRADE_LABEL, SUBJECT_LABEL } from '../identity/member'
import type { ExportMember } from './export-rows'
import type { BreakdownRow, CurvePoint, StageCounts } from './funnel'
import type { ConversionDoc, RoundRate } from './rounds'

export type SheetCell = string | number | null

/** `percent` cells hold a 0..1 number shown as 12.5%; `yuan` cells hold yuan with two decimals. */
export type ColumnFormat = 'text' | 'int' | 'percent' | 'yuan'

export interface SheetColumn {
  header: string
  format: ColumnFormat
  /** Excel column width in characters. */
  width: number
}

export interface SheetSpec {
  name: string
  columns: SheetColumn[]
  rows: SheetCell[][]
}

const col = (header: string, format: ColumnFormat = 'text', width = 12): SheetColumn => ({ header, format, width })
const yuanOf = (fen: number | null) => (fen === null ? null : fen / 100)

export const SHEET_NAMES = {
  members: '学员',
  daily: '每日参与',
  byChannel: '渠道漏斗',
  byPoster: '海报漏斗',
  rounds: '转化轮次',
  conversions: '付费登记',
} as const

export function membersSheet(members: readonly ExportMember[]): SheetSpec {
  return {
    name: SHEET_NAMES.members,
    columns: [
      col('昵称', 'text', 16),
      col('学员ID', 'text', 22),
      col('年级/学科', 'text', 16),
      col('首次来源渠道', 'text', 14),
      col('海报码', 'text', 10),
      col('报名时间', 'text', 18),
      col('打卡天数', 'int', 10),
      col('补卡天数', 'int', 10),
      col('最长连续', 'int', 10),
      col('是否完成', 'text', 10),
      col('付费轮次', 'text', 10),
      col('金额(元)', 'yuan', 12),
    ],
    rows: members.map((m) => [
      m.nickname,
      m.memberId,
      [m.grade ? GRADE_LABEL[m.grade] : null, ...m.subjects.map((s) => SUBJECT_LABEL[s])].filter(Boolean).join(' '),
      m.channel ?? '',
      m.posterCode ?? '',
      m.joinedAt,
      m.checkins,
      m.makeups,
      m.bestStreak,
      m.completed ? '是' : '否',
      m.paidRound === null ? '' : `第${m.paidRound}轮`,
      yuanOf(m.amountFen),
    ]),
  }
}

/** One row per day of the period; days after `reachedDays` say 未到 and leave the counts empty. */
export function dailySheet(participation: readonly CurvePoint[], retention: readonly CurvePoint[], reachedDays: number): SheetSpec {
  return {
    name: SHEET_NAMES.daily,
    columns: [
      col('第几天', 'text', 8),
      col('日期', 'text', 12),
      col('状态', 'text', 8),
      col('在营人数', 'int', 10),
      col('打卡人数', 'int', 10),
      col('参与率', 'percent', 10),
      col('第1天打卡人数', 'int', 14),
      col('其中当天打卡', 'int', 12),
      col('留存率', 'percent', 10),
    ],
    rows: participation.map((p, i) => {
      const head = [`第${p.dayIndex}天`, p.day]
      if (p.dayIndex > reachedDays) return [...head, '未到', null, null, null, null, null, null]
      const r = retention[i]
      return [...head, '已到', p.of, p.count, p.rate, r?.of ?? null, r?.count ?? null, r?.rate ?? null]
    }),
  }
}

const STAGE_COLUMNS: [keyof StageCounts, string][] = [
  ['joined', '报名'],
  ['checkedIn', '打卡至少1天'],
  ['half', '打卡过半'],
  ['completed', '完成'],
  ['paid', '付费'],
]

/** Every channel or poster code (not only the dashboard's top 10), counts per stage and the share of joins paid. */
export function breakdownSheet(name: string, keyHeader: string, rows: readonly BreakdownRow[]): SheetSpec {
  return {
    name,
    columns: [col(keyHeader, 'text', 16), ...STAGE_COLUMNS.map(([, h]) => col(h, 'int', 12)), col('付费率', 'percent', 10)],
    rows: rows.map((r) => [r.key, ...STAGE_COLUMNS.map(([k]) => r[k]), r.joined ? r.paid / r.joined : 0]),
  }
}

export function roundsSheet(rounds: readonly RoundRate[]): SheetSpec {
  return {
    name: SHEET_NAMES.rounds,
    columns: [
      col('轮次', 'text', 8),
      col('名称', 'text', 16),
      col('开始日期', 'text', 12),
      col('付费人数', 'int', 10),
      col('占报名', 'percent', 10),
      col('占完成者', 'percent', 10),
    ],
    rows: rounds.map((r) => [`第${r.round}轮`, r.name, r.startDay, r.paid, r.rateOfMembers, r.rateOfCompleted]),
  }
}

export interface ConversionLine {
  conversion: Pick<ConversionDoc, 'memberId' | 'round' | 'amountFen' | 'note' | 'recordedAt'>
  nickname: string
  roundName: string
  /** Shanghai `YYYY-MM-DD HH:mm` of recordedAt. */
  recordedAt: string
}

export function conversionsSheet(lines: readonly ConversionLine[]): SheetSpec {
  return {
    name: SHEET_NAMES.conversions,
    columns: [
      col('昵称', 'text', 16),
      col('学员ID', 'text', 22),
      col('轮次', 'text', 8),
      col('轮次名称', 'text', 14),
      col('金额(元)', 'yuan', 12),
      col('登记时间', 'text', 18),
      col('备注', 'text', 24),
    ],
    rows: lines.map((l) => [
      l.nickname,
      l.conversion.memberId,
      `第${l.conversion.round}轮`,
      l.roundName,
      yuanOf(l.conversion.amountFen),
      l.recordedAt,
      l.conversion.note,
    ]),
  }
}

/**
 * Characters file systems refuse, and those CloudBase storage advises against or wants escaped in a path (WeChat docs,
 * 云存储 › 文件名命名限制: ` ^ " \\ { } [ ] ~ % # > < and , : ; = & $ @ + ? space, control characters). Chinese is
 * allowed (percent-encoded in URLs), so the camp's title stays readable.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE = /[\\/:*?"<>|`^{}[\]~%#,;=&$@+'\s\u0000-\u001f\u007f]+/g

/** `英语口语打卡_第3期_2026-07-03.xlsx`: the period's title and the Shanghai business day of the export. */
export function exportFileName(title: string, day: string, ext: 'xlsx' | 'csv'): string {
  const safe =
    title
      .replace(UNSAFE, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60) || '打卡营'
  return `${safe}_${day}.${ext}`
}
