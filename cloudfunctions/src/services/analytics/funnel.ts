/**
 * Recomputes a period's funnel doc: enrollments page by page (index `{periodId, _id}`), their member records by id,
 * and the period's paid conversions; the whole doc is overwritten.
 */
import type { PeriodDoc } from '../../domain/camp'
import { addMember, finishFunnel, newFunnel, type ConversionDoc, type FunnelSummary } from '../../domain/analytics'
import { CONVERSIONS, enrolledPages, FUNNELS, overwrite, pagesOf } from './store'

export interface PeriodFunnelDoc extends FunnelSummary {
  /** periodId */
  _id: string
  lengthDays: number
  startDay: string
  minCheckins: number
  computedAt: number
}

export async function conversionsOf(periodId: string): Promise<Map<string, ConversionDoc>> {
  const out = new Map<string, ConversionDoc>()
  for await (const page of pagesOf(CONVERSIONS, { periodId })) for (const c of page) out.set(c.memberId, c)
  return out
}

export async function recomputeFunnel(period: PeriodDoc, now: number): Promise<PeriodFunnelDoc> {
  const shape = { startDay: period.startDay, lengthDays: period.lengthDays, minCheckins: period.points.completion.minCheckins }
  const acc = newFunnel(shape)
  const paid = await conversionsOf(period._id)
  for await (const page of enrolledPages(period._id)) {
    for (const { enrollment: e, member } of page) {
      addMember(acc, {
        joinedDay: e.joinedDay,
        days: [...e.checkedDays, ...e.madeUpDays],
        channel: member?.firstChannel ?? null,
        posterCode: member?.firstPosterCode ?? null,
        paidRound: paid.get(e.memberId)?.round ?? null,
      })
    }
  }
  const doc: PeriodFunnelDoc = { _id: period._id, ...shape, ...finishFunnel(acc), computedAt: now }
  await overwrite(FUNNELS, doc)
  return doc
}
