import { buildEvent } from '@cloud/domain/identity'

const sh = (local: string) => Date.parse(`${local.replace(' ', 'T')}+08:00`)

describe('buildEvent', () => {
  it('should key naturally-once events so a retry is a duplicate', () => {
    expect(buildEvent({ type: 'join_period', memberId: 'oM', periodId: 'p1' }, 0)._id).toBe('join_period:p1:oM')
    expect(buildEvent({ type: 'first_open', memberId: 'oM' }, 0)._id).toBe('first_open:oM')
    expect(buildEvent({ type: 'checkin', memberId: 'oM', periodId: 'p1', day: '2026-12-29' }, sh('2026-12-30 01:00'))._id).toBe(
      'checkin:p1:2026-12-29:oM',
    )
  })

  it('should count a camp view once per member, camp and Shanghai day', () => {
    const late = buildEvent({ type: 'view_camp', memberId: 'oM', campId: 'c1' }, sh('2026-12-31 23:59:59.999'))
    const next = buildEvent({ type: 'view_camp', memberId: 'oM', campId: 'c1' }, sh('2027-01-01 00:00'))
    expect([late._id, next._id]).toEqual(['view_camp:c1:2026-12-31:oM', 'view_camp:c1:2027-01-01:oM'])
  })

  it('should record the Shanghai day and hour whatever the server zone', () => {
    const e = buildEvent({ type: 'reminder_subscribed', memberId: 'oM' }, Date.parse('2026-12-31T16:30:00Z'))
    expect(e).toMatchObject({ day: '2027-01-01', hour: 0, props: {} })
    expect(e._id).toBeUndefined()
  })

  it('should carry channel, poster code and props, trimmed to 32 characters', () => {
    const e = buildEvent({ type: 'first_open', memberId: 'oM', channel: 'poster', posterCode: 'x'.repeat(40), props: { scene: 1047 } }, 0)
    expect(e).toMatchObject({ channel: 'poster', props: { scene: 1047 } })
    expect(e.posterCode).toHaveLength(32)
  })

  it('should throw when a keyed event misses what its key needs', () => {
    expect(() => buildEvent({ type: 'join_period', memberId: 'oM' }, 0)).toThrow(/periodId/)
  })
})
