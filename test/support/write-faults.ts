/**
 * The write-fault matrix (issue #12): run a flow once cleanly while recording the SDK requests it makes, then, for
 * EVERY write request of that run, fail exactly that request with CloudBase's generic database failure
 * (DATABASE_REQUEST_FAILED → errCode -502001, the same errCode as a duplicate key but without its E11000
 * signature) on a fresh member and check: the answer is SYS.*, the fault was really hit, the database is exactly as
 * before (for flows that commit in one step), and a retry succeeds once with the same outcome as the clean run.
 * Each commit is also run with its answer lost after it applied: the retry answers the first result, once.
 */
import type { Envelope } from '../../cloudfunctions/src/contracts/envelope'
import type { FunctionsHarness } from './functions'
import { recordRequests } from './request-trail'

export interface FaultFlow<C> {
  name: string
  /** Everything the flow needs for member `who` (fixtures written before the fault is armed). */
  prepare(h: FunctionsHarness, who: string): Promise<C>
  act(h: FunctionsHarness, ctx: C): Promise<Envelope<unknown>>
  /** What the flow leaves for this member, free of ids and times: equal after a clean run and after fault + retry. */
  outcome(h: FunctionsHarness, ctx: C): Promise<unknown>
  /** Answers a retry may give once the first try's commit applied but its answer was lost (besides 0). */
  replayCodes?: string[]
  /**
   * Collections the flow writes after its last commit on purpose, as best-effort side effects that never fail the
   * action (e.g. a teacher's day counters). Their writes are not failed here; they must all come after the last commit.
   */
  afterCommit?: string[]
}

const WRITES = new Set([
  'database.insertDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
  'database.commitTransaction',
  'database.updateDocInTransaction',
  'database.deleteDocInTransaction',
])

export interface WriteStep {
  action: string
  collection?: string
  /** Which occurrence of this (action, collection) in the run: the fault skips the ones before. */
  skip: number
}

/** The clean run: its outcome and its write requests in order. */
export async function cleanRun<C>(h: FunctionsHarness, flow: FaultFlow<C>, who: string): Promise<{ outcome: unknown; steps: WriteStep[] }> {
  const ctx = await flow.prepare(h, who)
  const { result: res, trail } = await recordRequests(h, () => flow.act(h, ctx))
  if (res.code !== 0) throw new Error(`${flow.name}: the clean run failed: ${JSON.stringify(res)}`)
  const seen = new Map<string, number>()
  const steps = trail
    .filter((r) => WRITES.has(r.action))
    .map((r) => {
      const key = `${r.action} ${r.collection ?? ''}`
      const skip = seen.get(key) ?? 0
      seen.set(key, skip + 1)
      return { action: r.action, collection: r.collection, skip }
    })
  return { outcome: await flow.outcome(h, ctx), steps }
}

export const describeStep = (s: WriteStep) => `${s.action} ${s.collection ?? ''} #${s.skip + 1}`

/** Prepares member `who`, arms one fault at `step` and makes the first try; `before` is the state it started from. */
async function faultedTry<C>(h: FunctionsHarness, flow: FaultFlow<C>, step: WriteStep, who: string, when: 'before' | 'after') {
  const ctx = await flow.prepare(h, who)
  const before = JSON.stringify(h.emu.db.dump())
  h.emu.faults.failNext({ action: step.action, collection: step.collection, skip: step.skip, when })
  const first = await flow.act(h, ctx)
  const hit = h.emu.faults.pending() === 0
  h.emu.faults.clear()
  const firstCode = typeof first.code === 'string' && first.code.startsWith('SYS.') ? 'SYS.*' : first.code
  return { ctx, before, hit, firstCode }
}

/** Whether a retry's answer is the first result: success, or one of the flow's "already done" answers. */
const isFirstResult = <C>(flow: FaultFlow<C>, code: unknown) => code === 0 || (flow.replayCodes ?? []).includes(String(code))

/** One failed write: SYS.*, nothing changed, then a retry that succeeds once. Returns what happened, step by step. */
export async function failAt<C>(
  h: FunctionsHarness,
  flow: FaultFlow<C>,
  step: WriteStep,
  who: string,
  expected: unknown,
): Promise<Record<string, unknown>> {
  const { ctx, before, hit, firstCode } = await faultedTry(h, flow, step, who, 'before')
  const unchanged = JSON.stringify(h.emu.db.dump()) === before
  const retry = await flow.act(h, ctx)
  const afterRetry = await flow.outcome(h, ctx)
  const again = await flow.act(h, ctx)
  return {
    step: describeStep(step),
    hit,
    firstCode,
    unchanged,
    retryCode: retry.code,
    retryOutcomeMatches: JSON.stringify(afterRetry) === JSON.stringify(expected),
    againOutcomeMatches: JSON.stringify(await flow.outcome(h, ctx)) === JSON.stringify(expected),
    againCode: isFirstResult(flow, again.code) ? 'ok' : again.code,
  }
}

export const cleanFailure = (step: WriteStep) => ({
  step: describeStep(step),
  hit: true,
  firstCode: 'SYS.*',
  unchanged: true,
  retryCode: 0,
  retryOutcomeMatches: true,
  againOutcomeMatches: true,
  againCode: 'ok',
})

/** A commit that applied but whose answer was lost: the caller sees SYS.*, its retry answers the first result, once. */
export async function loseCommitAnswer<C>(
  h: FunctionsHarness,
  flow: FaultFlow<C>,
  step: WriteStep,
  who: string,
  expected: unknown,
): Promise<Record<string, unknown>> {
  const { ctx, hit, firstCode } = await faultedTry(h, flow, step, who, 'after')
  const retry = await flow.act(h, ctx)
  return {
    step: describeStep(step),
    hit,
    firstCode,
    retry: isFirstResult(flow, retry.code) ? 'first result' : retry.code,
    outcomeMatches: JSON.stringify(await flow.outcome(h, ctx)) === JSON.stringify(expected),
  }
}

export const lostAnswerAnswered = (step: WriteStep) => ({
  step: describeStep(step),
  hit: true,
  firstCode: 'SYS.*',
  retry: 'first result',
  outcomeMatches: true,
})

/** The whole matrix for one flow, as one test each for failed writes and lost commit answers. */
export function faultMatrix<C>(flow: FaultFlow<C>, harness: () => FunctionsHarness, minWrites: number): void {
  let clean: { outcome: unknown; steps: WriteStep[] } | undefined
  const ref = async () => (clean ??= await cleanRun(harness(), flow, `${flow.name}-clean`))

  it(`should answer SYS.*, change nothing and succeed once on retry when any write of ${flow.name} fails`, async () => {
    const { outcome, steps: all } = await ref()
    const lastCommit = all.map((s) => s.action).lastIndexOf('database.commitTransaction')
    const sideEffects = all.filter((s) => flow.afterCommit?.includes(s.collection ?? ''))
    expect(sideEffects.every((s) => all.indexOf(s) > lastCommit)).toBe(true)
    const steps = all.filter((s) => !sideEffects.includes(s))
    expect(steps.length).toBeGreaterThanOrEqual(minWrites)
    for (const [i, step] of steps.entries()) {
      expect(await failAt(harness(), flow, step, `${flow.name}-w${i}`, outcome)).toEqual(cleanFailure(step))
    }
  })

  it(`should answer the first result once when a commit of ${flow.name} applied but its answer was lost`, async () => {
    const { outcome, steps } = await ref()
    const commits = steps.filter((s) => s.action === 'database.commitTransaction')
    expect(commits.length).toBeGreaterThan(0)
    for (const [i, step] of commits.entries()) {
      expect(await loseCommitAnswer(harness(), flow, step, `${flow.name}-l${i}`, outcome)).toEqual(lostAnswerAnswered(step))
    }
  })
}
