/** The columns of a period's member export (导出), one row per enrolled member. */
import { GRADE_LABEL, SUBJECT_LABEL, type Grade, type Subject } from '../identity/member'
import type { CsvValue } from './csv'

export const EXPORT_HEADER = [
  '昵称',
  '学员ID',
  '年级/学科',
  '首次来源渠道',
  '海报码',
  '报名时间',
  '打卡天数',
  '补卡天数',
  '最长连续',
  '是否完成',
  '付费轮次',
  '金额(元)',
] as const

export interface ExportMember {
  memberId: string
  nickname: string
  grade: Grade | null
  subjects: readonly Subject[]
  channel: string | null
  posterCode: string | null
  /** Shanghai `YYYY-MM-DD HH:mm` */
  joinedAt: string
  checkins: number
  makeups: number
  bestStreak: number
  completed: boolean
  paidRound: number | null
  amountFen: number | null
}

const yuan = (fen: number) => (fen / 100).toFixed(2)

export function exportRow(m: ExportMember): CsvValue[] {
  const tags = [m.grade ? GRADE_LABEL[m.grade] : null, ...m.subjects.map((s) => SUBJECT_LABEL[s])].filter(Boolean).join(' ')
  return [
    m.nickname,
    m.memberId,
    tags,
    m.channel ?? '',
    m.posterCode ?? '',
    m.joinedAt,
    m.checkins,
    m.makeups,
    m.bestStreak,
    m.completed ? '是' : '否',
    m.paidRound === null ? '' : `第${m.paidRound}轮`,
    m.amountFen === null ? '' : yuan(m.amountFen),
  ]
}

/** `2026-11-23 08:05` in Shanghai. */
export function shanghaiDateTime(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}
