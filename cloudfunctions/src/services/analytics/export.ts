/**
 * 导出: a period's member table as CSV that Excel opens (domain/analytics/csv.ts), read page by page (enrollments,
 * their members by id, their conversions by id), stored under `analytics-exports/` and answered with a temp URL.
 */
import type { ExportView } from '../../contracts/analytics'
import type { EnrollmentDoc } from '../../domain/camp'
import {
  BOM,
  conversionId,
  csvLine,
  EXPORT_HEADER,
  exportRow,
  rejectAnalytics,
  shanghaiDateTime,
  type AnalyticsCode,
  type ConversionDoc,
} from '../../domain/analytics'
import { businessDay } from '../../domain/business-day'
import type { Rejection } from '../../domain/kernel'
import { result, sdk } from '../../shared/cloud'
import { downloadUrl } from '../materials/files'
import { byIds, CONVERSIONS, enrolledPages, getPeriod } from './store'

export const EXPORT_FOLDER = 'analytics-exports'

const completedOf = (e: EnrollmentDoc, min: number) => e.checkins + e.makeups >= min

export async function buildPeriodCsv(periodId: string, minCheckins: number): Promise<{ csv: string; rows: number }> {
  const chunks: string[] = [BOM, csvLine(EXPORT_HEADER)]
  let rows = 0
  for await (const page of enrolledPages(periodId)) {
    const paid = await byIds<ConversionDoc>(
      CONVERSIONS,
      page.map(({ enrollment }) => conversionId(periodId, enrollment.memberId)),
    )
    for (const { enrollment: e, member } of page) {
      const c = paid.get(conversionId(periodId, e.memberId))
      chunks.push(
        csvLine(
          exportRow({
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
            completed: completedOf(e, minCheckins),
            paidRound: c?.round ?? null,
            amountFen: c?.amountFen ?? null,
          }),
        ),
      )
      rows += 1
    }
  }
  return { csv: chunks.join(''), rows }
}

export async function exportPeriod(periodId: string, now: number): Promise<ExportView | Rejection<AnalyticsCode>> {
  const period = await getPeriod(periodId)
  if (!period || period.status === 'draft') return rejectAnalytics('ANALYTICS.PERIOD_NOT_FOUND')
  const { csv, rows } = await buildPeriodCsv(periodId, period.points.completion.minCheckins)
  const fileName = `period-${periodId}-${businessDay(now)}-${now}.csv`
  const up = await result(
    sdk().uploadFile({ cloudPath: `${EXPORT_FOLDER}/${fileName}`, fileContent: Buffer.from(csv, 'utf8') }) as Promise<{ fileID: string }>,
  )
  const url = await downloadUrl(up.fileID)
  if (!url) throw new Error(`export ${up.fileID} has no temp URL`)
  return { url, fileId: up.fileID, fileName, rows }
}
