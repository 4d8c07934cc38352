import { runTimerEvent, type FunctionTimerJobs } from '../../../cloudfunctions/src/shared/timer-dispatch'

const table = { trigger: 'jobs', jobs: { first: { everyMinutes: 5, atMinute: 0 }, second: { everyMinutes: 5, atMinute: 0 } } }
const event = { Type: 'Timer', TriggerName: 'jobs', Time: '2026-03-02T06:10:00Z' }

describe('timer dispatch', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined))
  afterEach(() => jest.restoreAllMocks())

  it('should still run the later jobs of a slot when an earlier one throws, and answer SYS.INTERNAL naming it', async () => {
    const ran: string[] = []
    const timer: FunctionTimerJobs = {
      table,
      run: {
        first: async () => {
          throw new Error('database down')
        },
        second: async () => ran.push('second'),
      },
    }
    const out = await runTimerEvent(timer, event)
    expect(ran).toEqual(['second'])
    expect(out).toMatchObject({ code: 'SYS.INTERNAL', details: { failed: ['first'], ran: ['second'] } })
  })

  it('should answer with each job’s result when all succeed', async () => {
    const timer: FunctionTimerJobs = { table, run: { first: async () => 1, second: async () => 2 } }
    expect(await runTimerEvent(timer, event)).toEqual({ code: 0, data: { tick: '2026-03-02T06:10:00.000Z', ran: { first: 1, second: 2 } } })
  })
})
