import fc from 'fast-check'
import {
  ACTIVE_WITHIN_DAYS,
  applyActivity,
  layerCountQueries,
  shownLayer,
  SLEEPING_AFTER_DAYS,
  type ActivityFact,
  type ReachedLayer,
} from '@cloud/domain/analytics'
import { addDays } from '@cloud/domain/business-day'

const TODAY = '2026-05-20'
const fact = (type: ActivityFact['type'], day = TODAY): ActivityFact => ({ type, day })

describe('applyActivity', () => {
  it.each([
    ['first_open', 'L1'],
    ['material_download', 'L2'],
    ['join_period', 'L2'],
    ['checkin', 'L3'],
    ['class_signup', 'L4'],
    ['lead_stage', 'L4'],
    ['conversion_paid', 'L5'],
  ] as const)('should put a new member who did %s on %s', (type, layer) => {
    expect(applyActivity(null, [fact(type)])).toMatchObject({ changed: true, from: null, to: layer, lifted: true })
  })

  it('should never lower the layer (max semantics) but still move the last active day', () => {
    const out = applyActivity({ layer: 'L4', lastActiveDay: '2026-05-01', since: '2026-05-01' }, [fact('first_open')])
    expect(out).toMatchObject({ changed: true, lifted: false, doc: { layer: 'L4', lastActiveDay: TODAY, since: '2026-05-01' } })
  })

  it('should report no change when the same facts are applied again', () => {
    const first = applyActivity(null, [fact('first_open'), fact('checkin')])
    if (!first.changed) throw new Error('expected a change')
    expect(applyActivity(first.doc, [fact('first_open'), fact('checkin')])).toEqual({ changed: false })
  })

  it('should not count what the system did to a member (reminders sent) as activity', () => {
    const out = applyActivity({ layer: 'L3', lastActiveDay: '2026-05-01', since: '2026-05-01' }, [fact('reminder_sent')])
    expect(out).toEqual({ changed: false })
  })

  it('should give the same record whatever the order of the facts', () => {
    const types = ['first_open', 'material_view', 'join_period', 'checkin', 'class_signup', 'conversion_paid', 'reminder_sent'] as const
    const arb = fc.array(fc.record({ type: fc.constantFrom(...types), day: fc.constantFrom('2026-05-01', '2026-05-02', '2026-05-03') }), {
      minLength: 1,
    })
    fc.assert(
      fc.property(arb, (facts) => {
        const a = applyActivity(null, facts)
        const b = applyActivity(null, [...facts].reverse())
        expect(a).toEqual(b)
      }),
    )
  })
})

describe('shownLayer', () => {
  const idle = (layer: ReachedLayer, days: number) => shownLayer({ layer, lastActiveDay: addDays(TODAY, -days) }, TODAY)

  it('should make anyone from L2 up 沉睡 after 14 idle business days, not 13', () => {
    expect(idle('L2', SLEEPING_AFTER_DAYS - 1)).toBe('L2')
    expect(idle('L2', SLEEPING_AFTER_DAYS)).toBe('sleeping')
    expect(idle('L5', SLEEPING_AFTER_DAYS)).toBe('sleeping')
  })

  it('should keep L1 visitors out of 沉睡 (they never followed)', () => {
    expect(idle('L1', 100)).toBe('L1')
  })

  it('should show an L3 member idle for 7 days as L2, not 活跃', () => {
    expect(idle('L3', ACTIVE_WITHIN_DAYS - 1)).toBe('L3')
    expect(idle('L3', ACTIVE_WITHIN_DAYS)).toBe('L2')
  })

  it('should have count queries that match exactly what shownLayer says', () => {
    const queries = layerCountQueries(TODAY)
    for (const layer of ['L1', 'L2', 'L3', 'L4', 'L5'] as const) {
      for (let days = 0; days <= 30; days++) {
        const lastActiveDay = addDays(TODAY, -days)
        const matching = queries.filter(
          (q) => q.layer === layer && (!q.from || lastActiveDay >= q.from) && (!q.before || lastActiveDay < q.before),
        )
        expect(matching.map((q) => q.shown)).toEqual([shownLayer({ layer, lastActiveDay }, TODAY)])
      }
    }
  })
})
