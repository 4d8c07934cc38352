import {
  dueJobs,
  isDue,
  scheduleProblems,
  shanghaiMinuteOfDay,
  TIMER_JOBS,
  type FunctionTimer,
} from '../../../cloudfunctions/src/domain/schedule/timer-jobs'

/** Epoch ms of a Shanghai wall-clock time ("2026-03-02 03:30"). */
const sh = (text: string) => Date.parse(`${text.replace(' ', 'T')}:00+08:00`)

describe('timer job schedule table', () => {
  it('should read minutes of the Shanghai day, not of UTC', () => {
    expect(shanghaiMinuteOfDay(sh('2026-03-02 00:10'))).toBe(10)
    expect(shanghaiMinuteOfDay(sh('2026-03-02 23:59'))).toBe(1439)
    expect(shanghaiMinuteOfDay(Date.parse('2026-03-01T16:00:00Z'))).toBe(0) // midnight in Shanghai
  })

  it('should run the hourly camp completion only at :10 and the reminders at every five minutes', () => {
    expect(dueJobs(TIMER_JOBS.camp, sh('2026-03-02 14:10'))).toEqual(['reminders', 'complete'])
    expect(dueJobs(TIMER_JOBS.camp, sh('2026-03-02 14:05'))).toEqual(['reminders'])
    expect(dueJobs(TIMER_JOBS.camp, sh('2026-03-02 14:07'))).toEqual([])
  })

  it('should alternate class reminders (:00, :10 …) and waitlist sweeps (:05, :15 …)', () => {
    expect(dueJobs(TIMER_JOBS.classes, sh('2026-03-02 09:20'))).toEqual(['reminders'])
    expect(dueJobs(TIMER_JOBS.classes, sh('2026-03-02 09:25'))).toEqual(['waitlist'])
  })

  it('should run the daily points jobs once a day at their Shanghai times', () => {
    expect(dueJobs(TIMER_JOBS.points, sh('2026-03-02 00:10'))).toEqual(['expire'])
    expect(dueJobs(TIMER_JOBS.points, sh('2026-03-02 03:30'))).toEqual(['reconcile'])
    expect(dueJobs(TIMER_JOBS.points, sh('2026-03-02 03:10'))).toEqual([])
    expect(dueJobs(TIMER_JOBS.points, Date.parse('2026-03-02T00:10:00Z'))).toEqual([]) // 08:10 in Shanghai
  })

  it('should ignore the seconds inside a minute slot', () => {
    expect(isDue({ everyMinutes: 60, atMinute: 10 }, sh('2026-03-02 14:10') + 59_000)).toBe(true)
  })

  it('should have a well-formed schedule for every job of every function', () => {
    for (const timer of Object.values(TIMER_JOBS)) expect(scheduleProblems(timer)).toEqual([])
  })

  it('should report periods that do not divide the day and offsets outside the period', () => {
    const bad: FunctionTimer = {
      trigger: 'jobs',
      jobs: { odd: { everyMinutes: 7, atMinute: 0 }, late: { everyMinutes: 10, atMinute: 10 } },
    }
    expect(scheduleProblems(bad)).toEqual(['odd: everyMinutes 7 must divide 1440', 'late: atMinute 10 must be in [0, 10)'])
  })
})
