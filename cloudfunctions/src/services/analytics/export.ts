/**
 * 导出: a period as an Excel workbook (members, daily participation and retention, funnel by channel and by poster,
 * conversion rounds, paid conversions; domain/analytics/workbook.ts) or as the member table in CSV that Excel opens
 * (domain/analytics/csv.ts). Enrollments are read page by page with their members by id; the funnel is folded in the
 * same pass so every channel and poster is listed, not only the dashboard's top 10. The file is stored under
 * `analytics-exports/{period}/{time}/` with a readable name (camp, period, Shanghai day) and answered with a short-lived
 * temp URL; storage rules keep the folder away from clients.
 */
import type { ExportFormat, ExportView } from '../../contracts/analytics'
import type { EnrollmentDoc, PeriodDoc } from '../../domain/camp'
import {
  addMember,
  BOM,
  breakdownSheet,
  conversionsSheet,
  csvLine,
  dailySheet,
  EXPORT_HEADER,
  exportFileName,
  exportRow,
  finishFunnel,
  membersSheet,
  newFunnel,
  reachedDays,
  rejectAnalytics,
  roundRates,
  roundsSheet,
  shanghaiDateTime,
  SHEET_NAMES,
  type AnalyticsCode,
  type ConversionDoc,
  type ExportMember,
  type SheetSpec,
} from '../../domain/analytics'
import { businessDay } from '../../domain/business-day'
import type { MemberDoc } from '../../domain/identity'
import type { Rejection } from '../../domain/kernel'
import { result, sdk } from '../../shared/cloud'
import { downloadUrl } from '../../shared/storage'
import { campsByIds, periodOf } from '../camp/analytics-reads'
import { roundsOf } from './conversions'
import { periodOption } from './dashboards'
import { conversionsOf } from './funnel'
import { enrolledPages } from './store'
import { workbookBuffer } from './xlsx'

export const EXPORT_FOLDER = 'analytics-exports'

const completedOf = (e: EnrollmentDoc, min: number) => e.checkins + e.makeups >= min

function exportMember(e: EnrollmentDoc, member: MemberDoc | undefined, paid: ConversionDoc | undefined, min: number): ExportMember {
  return {
    memberId: e.memberId,
    nickname: member?.nickname ?? '',
    grade: member?.grade ?? null,
    subjects: member?.subjects ?? [],
    channel: member?.firstChannel ?? null,
    posterCode: member?.firstPosterCode ?? null,
    joinedAt: shanghaiDateTime(e.joinedAt),
    checkins: e.checkins,
    makeups: e.makeups,
    bestStreak: e.bestStreak,
    completed: completedOf(e, min),
    paidRound: paid?.round ?? null,
    amountFen: paid?.amountFen ?? null,
  }
}

/** Every enrolled member, in `_id` order, with the funnel folded from the same reads. */
async function readPeriod(period: PeriodDoc) {
  const min = period.points.completion.minCheckins
  const funnel = newFunnel({ startDay: period.startDay, lengthDays: period.lengthDays, minCheckins: min })
  const paid = await conversionsOf(period._id)
  const members: ExportMember[] = []
  for await (const page of enrolledPages(period._id)) {
    for (const { enrollment: e, member } of page) {
      const c = paid.get(e.memberId)
      members.push(exportMember(e, member, c, min))
      addMember(funnel, {
        joinedDay: e.joinedDay,
        days: [...e.checkedDays, ...e.madeUpDays],
        channel: member?.firstChannel ?? null,
        posterCode: member?.firstPosterCode ?? null,
        paidRound: c?.round ?? null,
      })
    }
  }
  return { members, summary: finishFunnel(funnel, Number.POSITIVE_INFINITY), paid }
}

export async function buildPeriodCsv(period: PeriodDoc): Promise<{ body: Buffer; rows: number }> {
  const { members } = await readPeriod(period)
  const text = BOM + csvLine(EXPORT_HEADER) + members.map((m) => csvLine(exportRow(m))).join('')
  return { body: Buffer.from(text, 'utf8'), rows: members.length }
}

export async function buildPeriodWorkbook(period: PeriodDoc, now: number): Promise<{ body: Buffer; rows: number }> {
  const [{ members, summary, paid }, rounds] = await Promise.all([readPeriod(period), roundsOf(period._id)])
  const nickname = new Map(members.map((m) => [m.memberId, m.nickname]))
  const roundName = new Map(rounds.map((r) => [r.round, r.name]))
  const sheets: SheetSpec[] = [
    membersSheet(members),
    dailySheet(summary.participation, summary.retention, reachedDays(period, now)),
    breakdownSheet(SHEET_NAMES.byChannel, '首次来源渠道', summary.byChannel),
    breakdownSheet(SHEET_NAMES.byPoster, '海报码', summary.byPoster),
    roundsSheet(roundRates(rounds, summary.paidByRound, summary.stages.joined, summary.stages.completed)),
    conversionsSheet(
      [...paid.values()]
        .sort((a, b) => a.recordedAt - b.recordedAt || a.memberId.localeCompare(b.memberId))
        .map((c) => ({
          conversion: c,
          nickname: nickname.get(c.memberId) ?? '',
          roundName: roundName.get(c.round) ?? '',
          recordedAt: shanghaiDateTime(c.recordedAt),
        })),
    ),
  ]
  return { body: await workbookBuffer(sheets, new Date(now)), rows: members.length }
}

export async function exportPeriod(periodId: string, format: ExportFormat, now: number): Promise<ExportView | Rejection<AnalyticsCode>> {
  const period = await periodOf(periodId)
  if (!period || period.status === 'draft') return rejectAnalytics('ANALYTICS.PERIOD_NOT_FOUND')
  const camp = (await campsByIds([period.campId])).get(period.campId)
  const { body, rows } = format === 'xlsx' ? await buildPeriodWorkbook(period, now) : await buildPeriodCsv(period)
  const fileName = exportFileName(periodOption(period, camp, now).title, businessDay(now), format)
  const up = await result(
    sdk().uploadFile({ cloudPath: `${EXPORT_FOLDER}/${periodId}/${now}/${fileName}`, fileContent: body }) as Promise<{ fileID: string }>,
  )
  const url = await downloadUrl(up.fileID)
  if (!url) throw new Error(`export ${up.fileID} has no temp URL`)
  return { url, fileId: up.fileID, fileName, format, rows }
}
