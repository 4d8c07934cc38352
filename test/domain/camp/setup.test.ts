import { checkPeriodEdit, checkPeriodSetup, newPeriod, type PeriodSetup } from '@cloud/domain/camp'
import { makePeriod } from './fixtures'

const { _id, status, stats, createdAt, updatedAt, ...setup } = makePeriod()
void [_id, status, stats, createdAt, updatedAt]
const base: PeriodSetup = setup

describe('period setup', () => {
  it('should accept a consistent period and create it as a draft with sorted milestones', () => {
    expect(checkPeriodSetup(base)).toBeNull()
    const p = newPeriod(
      'p9',
      {
        ...base,
        points: {
          ...base.points,
          streakMilestones: [
            { days: 7, bonus: 1 },
            { days: 3, bonus: 1 },
          ],
        },
      },
      1,
    )
    expect(p).toMatchObject({ _id: 'p9', status: 'draft', stats: null })
    expect(p.points.streakMilestones.map((m) => m.days)).toEqual([3, 7])
  })

  it('should refuse tasks outside the period and duplicate task days', () => {
    expect(checkPeriodSetup({ ...base, tasks: [{ day: 8, theme: 't', instructions: '' }] })).toMatchObject({ details: { field: 'tasks' } })
    const twice = [1, 1].map((day) => ({ day, theme: 't', instructions: '' }))
    expect(checkPeriodSetup({ ...base, tasks: twice })).toMatchObject({ code: 'CAMP.CONFIG_INVALID' })
  })

  it('should refuse milestones longer than the period', () => {
    expect(checkPeriodSetup({ ...base, points: { ...base.points, streakMilestones: [{ days: 14, bonus: 1 }] } })).toMatchObject({
      details: { field: 'points.streakMilestones' },
    })
    // A group rule needs no group at setup: groups are bound from inside the group, before publishing (group-binding.test.ts).
    expect(checkPeriodSetup({ ...base, entry: { kind: 'group' } })).toBeNull()
  })

  it('should refuse moving the start of a period that has begun', () => {
    const running = makePeriod({ status: 'open' })
    expect(checkPeriodEdit(running, { ...base, startDay: '2027-01-01' }, '2026-12-30')).toMatchObject({ details: { field: 'startDay' } })
    expect(checkPeriodEdit(running, { ...base, capacity: 500 }, '2026-12-30')).toBeNull()
  })
})
