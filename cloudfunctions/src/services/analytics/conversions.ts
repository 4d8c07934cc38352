/**
 * Paid conversions: one per member per period (`_id` = `{periodId}:{memberId}`), recorded with its `conversion_paid`
 * event and the member's lift to L5 in one transaction; a second record is refused, a correction changes it.
 */
import type { ConversionView, RoundView } from '../../contracts/analytics'
import { conversionId, planRounds, rejectAnalytics, type AnalyticsCode, type ConversionDoc } from '../../domain/analytics'
import type { Rejection } from '../../domain/kernel'
import { isDuplicateKey, TxAbort, withTransaction } from '../../shared/db'
import { enrollmentOf, periodOf } from '../camp/analytics-reads'
import { trackInTx } from '../tracking/track'
import { applyFactsInTx } from './member-layer'
import { CONVERSIONS, repo, ROUNDS, withoutId } from './store'

type Refusal = Rejection<AnalyticsCode>

export const toConversionView = (c: ConversionDoc): ConversionView => ({
  periodId: c.periodId,
  memberId: c.memberId,
  round: c.round,
  amountFen: c.amountFen,
  note: c.note,
  recordedAt: c.recordedAt,
  updatedAt: c.updatedAt,
})

export async function roundsOf(periodId: string): Promise<RoundView[]> {
  return (await repo.get(ROUNDS, periodId))?.rounds ?? []
}

export async function setRounds(
  periodId: string,
  input: { name: string; startDay: string }[],
  now: number,
): Promise<RoundView[] | Refusal> {
  const period = await periodOf(periodId)
  if (!period) return rejectAnalytics('ANALYTICS.PERIOD_NOT_FOUND')
  const rounds = planRounds(input)
  if (!Array.isArray(rounds)) return rounds
  await withTransaction(async (tx) => {
    await repo
      .inTx(tx, ROUNDS)
      .doc(periodId)
      .set({ data: { rounds, updatedAt: now } })
  })
  return rounds
}

/** The period exists, the member is enrolled in it and the round is one the admin set up. */
async function checkTarget(periodId: string, memberId: string, round: number | undefined): Promise<Refusal | null> {
  const period = await periodOf(periodId)
  if (!period) return rejectAnalytics('ANALYTICS.PERIOD_NOT_FOUND')
  if (!(await enrollmentOf(periodId, memberId))) return rejectAnalytics('ANALYTICS.NOT_ENROLLED')
  if (round !== undefined && !(await roundsOf(periodId)).some((r) => r.round === round)) return rejectAnalytics('ANALYTICS.ROUND_NOT_SET')
  return null
}

export interface ConversionInput {
  periodId: string
  memberId: string
  round: number
  amountFen?: number
  note?: string
}

export async function recordConversion(input: ConversionInput, staffId: string, now: number): Promise<ConversionView | Refusal> {
  const refused = await checkTarget(input.periodId, input.memberId, input.round)
  if (refused) return refused
  const doc: ConversionDoc = {
    _id: conversionId(input.periodId, input.memberId),
    periodId: input.periodId,
    memberId: input.memberId,
    round: input.round,
    amountFen: input.amountFen ?? null,
    note: input.note ?? '',
    recordedBy: staffId,
    recordedAt: now,
    updatedAt: now,
  }
  try {
    return await withTransaction<ConversionView | Refusal>(async (tx) => {
      if (await repo.getIn(tx, CONVERSIONS, doc._id)) throw new TxAbort(rejectAnalytics('ANALYTICS.ALREADY_RECORDED'))
      await repo.inTx(tx, CONVERSIONS).add({ data: doc })
      const event = await trackInTx(
        tx,
        {
          type: 'conversion_paid',
          memberId: input.memberId,
          periodId: input.periodId,
          props: { round: input.round, amountFen: doc.amountFen ?? 0 },
        },
        now,
      )
      await applyFactsInTx(tx, input.memberId, [{ type: 'conversion_paid', day: event.day }], now)
      return toConversionView(doc)
    })
  } catch (err) {
    if (isDuplicateKey(err)) return rejectAnalytics('ANALYTICS.ALREADY_RECORDED')
    throw err
  }
}

export interface CorrectionInput {
  periodId: string
  memberId: string
  round?: number
  amountFen?: number | null
  note?: string
}

/** An explicit correction of the round, amount or note; the event and the layer stay (the member did pay). */
export async function correctConversion(input: CorrectionInput, staffId: string, now: number): Promise<ConversionView | Refusal> {
  if (input.round === undefined && input.amountFen === undefined && input.note === undefined)
    return rejectAnalytics('ANALYTICS.NOTHING_TO_CORRECT')
  const refused = await checkTarget(input.periodId, input.memberId, input.round)
  if (refused) return refused
  const id = conversionId(input.periodId, input.memberId)
  return withTransaction<ConversionView | Refusal>(async (tx) => {
    const current = await repo.getIn(tx, CONVERSIONS, id)
    if (!current) throw new TxAbort(rejectAnalytics('ANALYTICS.CONVERSION_NOT_FOUND'))
    const next: ConversionDoc = {
      ...current,
      _id: id,
      round: input.round ?? current.round,
      amountFen: input.amountFen === undefined ? current.amountFen : input.amountFen,
      note: input.note ?? current.note,
      correctedBy: staffId,
      updatedAt: now,
    }
    await repo
      .inTx(tx, CONVERSIONS)
      .doc(id)
      .set({ data: withoutId(next) })
    return toConversionView(next)
  })
}
