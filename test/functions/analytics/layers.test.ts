import type { LayersView } from '../../../cloudfunctions/src/contracts/analytics'
import { buildEvent, type EventInput } from '../../../cloudfunctions/src/domain/identity'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { sh, updateDoc } from '../camp/support'
import { ANALYST, analyticsOk, rollup } from './support'

let h: FunctionsHarness
let serial = 0

/** Inserts an event as the tracking module would have written it at `local` (Shanghai wall clock). */
async function happened(local: string, input: EventInput): Promise<void> {
  const doc = buildEvent(input, sh(local))
  await h.emu.db.insert('events', [{ _id: doc._id ?? `ev-${++serial}`, ...doc }])
}

const paths = async () =>
  ((await h.emu.db.find('layer_paths', { _id: 'all' }))[0] as { counts: Record<string, number> } | undefined)?.counts
const layerOf = async (id: string) =>
  (await h.emu.db.find('member_layers', { _id: id }))[0] as { layer: string; lastActiveDay: string } | undefined

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await h.member(ANALYST, ['admin'])
  h.emu.clock.set(sh('2026-05-20 12:00'))
  await happened('2026-05-20 09:00', { type: 'first_open', memberId: 'viewer' })
  await happened('2026-05-20 09:00', { type: 'first_open', memberId: 'reader' })
  await happened('2026-05-20 09:05', { type: 'material_download', memberId: 'reader', ref: 'm1' })
  await happened('2026-05-20 09:00', { type: 'first_open', memberId: 'lead' })
  await happened('2026-05-20 09:10', { type: 'class_signup', memberId: 'lead', ref: 'c1' })
  await happened('2026-04-20 09:00', { type: 'join_period', memberId: 'dozer', periodId: 'p-old' })
})
afterAll(() => h.close())

describe('lifecycle layers', () => {
  it('should count each transition once when two timers race, and nothing more on a re-run', async () => {
    await Promise.all([rollup(h), rollup(h)])
    const expected = { none_L1: 1, none_L2: 2, none_L4: 1 }
    expect(await paths()).toEqual(expected)
    await rollup(h)
    // Replaying every event from the start (a lost cursor) changes nothing either.
    await updateDoc(h, 'sys_meta', 'analytics-layer-cursor', { at: 0, eventId: '' })
    await Promise.all([rollup(h), rollup(h)])
    expect(await paths()).toEqual(expected)
    expect(await layerOf('reader')).toMatchObject({ layer: 'L2', lastActiveDay: '2026-05-20' })
  })

  it('should lift a member on a later event and count that path', async () => {
    await happened('2026-05-20 11:00', { type: 'join_period', memberId: 'viewer', periodId: 'p1' })
    await happened('2026-05-20 11:01', { type: 'checkin', memberId: 'viewer', periodId: 'p1', day: '2026-05-20' })
    await rollup(h)
    expect(await paths()).toMatchObject({ none_L1: 1, L1_L3: 1 })
    expect(await layerOf('viewer')).toMatchObject({ layer: 'L3' })
  })

  it('should leave events newer than the lag for the next run', async () => {
    await happened('2026-05-20 11:59', { type: 'class_signup', memberId: 'reader', ref: 'c2' })
    await rollup(h)
    expect(await layerOf('reader')).toMatchObject({ layer: 'L2' })
    h.emu.clock.set(sh('2026-05-20 12:10'))
    await rollup(h)
    expect(await layerOf('reader')).toMatchObject({ layer: 'L4' })
  })

  it('should show layer counts with 沉睡 derived from idleness', async () => {
    const view = await analyticsOk<LayersView>(h, 'layers')
    const count = Object.fromEntries(view.counts.map((c) => [c.layer, c.count]))
    expect(count).toEqual({ L1: 0, L2: 0, L3: 1, L4: 2, L5: 0, sleeping: 1 })
    expect(view.paths[0]).toMatchObject({ count: 2 })
    expect(view.paths.map((p) => p.label)).toContain('浏览 → 活跃')
  })
})
