/**
 * Results of mediaCheckAsync, pushed by WeChat as `wxa_media_check` message events to the `message` function. The
 * check-in is found by the trace id (index { mediaChecks.traceId }) and updated in a transaction, so the verdicts of
 * several files of one check-in arriving together are all kept. A trace that matches nothing (the file was edited
 * away, or the submission lost its race) changes nothing.
 */
import { applyMediaVerdict, type Verdict } from '../../domain/camp'
import { withTransaction } from '../../shared/db'
import { command } from '../../shared/repository'
import { bumpQueueCountersInTx } from './queue-counters'
import { CHECKINS, repo } from './store'

export interface MediaCheckEvent {
  trace_id: string
  result: { suggest: string }
}

export function isMediaCheckEvent(e: unknown): e is MediaCheckEvent {
  const x = e as { MsgType?: unknown; Event?: unknown; trace_id?: unknown; result?: { suggest?: unknown } }
  return (
    !!x && x.MsgType === 'event' && x.Event === 'wxa_media_check' && typeof x.trace_id === 'string' && typeof x.result?.suggest === 'string'
  )
}

/** Unknown suggestions are held for a teacher, never shown. */
const verdictOf = (suggest: string): Verdict => (suggest === 'pass' || suggest === 'risky' ? suggest : 'review')

export async function applyMediaCheck(event: MediaCheckEvent): Promise<{ matched: boolean; moderation?: string }> {
  const traceId = event.trace_id
  const found = await repo.col(CHECKINS).where({ 'mediaChecks.traceId': traceId }).limit(1).get()
  const id = found.data[0]?._id
  if (!id) return { matched: false }
  const verdict = verdictOf(event.result.suggest)
  return withTransaction(async (tx) => {
    const checkin = await repo.getIn(tx, CHECKINS, id)
    const patch = checkin && applyMediaVerdict(checkin, { traceId }, verdict)
    if (!patch) return { matched: false }
    const _ = command()
    await repo
      .inTx(tx, CHECKINS)
      .doc(id)
      .update({ data: { moderation: patch.moderation, mediaChecks: _.set(patch.mediaChecks) } })
    // A risky verdict takes a waiting check-in out of the backlog.
    await bumpQueueCountersInTx(tx, checkin, { ...checkin, moderation: patch.moderation })
    return { matched: true, moderation: patch.moderation }
  })
}
