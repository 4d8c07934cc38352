/**
 * Team PK benchmark (issue #18 item 2): the real community services through the real wx-server-sdk against the
 * emulator, in a period of 100 members with no history and in one of 10,000 members with 20 days of history
 * (≈ 180,000 check-ins) split into 100 teams of 100, side by side. Rows: the operator's automatic split (once), the
 * board refresh job (the 10-minute timer's work for one period), the team board's first and last page for members,
 * and a 组长's team day — requests per call and p50/p95 with 50 callers at once. Members' reads must stay flat with
 * the period's size; the split and the refresh grow with it by design (they walk the enrollments in pages of 1000).
 */
import * as path from 'path'
import { addDays, businessDay } from '../cloudfunctions/src/domain/business-day'
import { newMember } from '../cloudfunctions/src/domain/identity/member'
import { publicIdOf } from '../cloudfunctions/src/domain/identity/public-id'
import { teamId } from '../cloudfunctions/src/domain/community'
import { grantRole, split } from '../cloudfunctions/src/services/community/manage'
import { rosterOf } from '../cloudfunctions/src/services/community/store'
import { benchPeriod, seedPeriod } from './camp'
import type { CommunityOps } from './community-ops'
import { startBenchEmulator } from './emulator-host'
import { startInstances, type FunctionInstances } from './instances'
import { must, runLoad, timeCall } from './load'
import { latencyCells, loadModes, roundMs, type Row } from './table'

const CONCURRENT = 50
const ROUNDS = 20
const THINK_MS = 1000
const TEAM_SIZE = 100
const HISTORY_DAYS = 20
const REFRESH_RUNS = 3

export async function benchCommunity(): Promise<Row[]> {
  const emu = await startBenchEmulator()
  const { createOps } = await import('./community-ops')
  const local = createOps(() => emu.clock.now())
  let instances: FunctionInstances<CommunityOps> | undefined
  const rows: Row[] = []
  try {
    const now = emu.clock.now()
    const startDay = addDays(businessDay(now), -HISTORY_DAYS)
    await emu.db.insert('camps', [{ _id: 'bench-camp', title: '基准打卡营', subject: 'english', gradeTags: [], archived: false }])
    instances = await startInstances<CommunityOps>(emu, path.join(__dirname, 'community-ops.ts'))
    const pool = instances
    const cases = [
      { label: `${TEAM_SIZE} members, 1 team`, id: 'bench-small', prefix: 's', members: TEAM_SIZE, history: 0 },
      { label: `10000 members × ${HISTORY_DAYS} days, 100 teams`, id: 'bench-teams', prefix: 't', members: 10_000, history: HISTORY_DAYS },
    ]
    for (const [k, c] of cases.entries()) {
      // Periods of one camp need distinct numbers (unique index camp_index).
      const period = { ...benchPeriod(c.id, startDay, c.members), index: 10 + k }
      await emu.db.insert('periods', [period])
      await seedPeriod(emu, period, c.prefix, c.members, c.history, now)
      const memberIds = Array.from({ length: c.members }, (_, i) => `${c.prefix}-${i}`)
      await emu.db.insert(
        'members',
        memberIds.map((id) => newMember(id, now)),
      )
      await emu.settle()
      const once = (operation: string, requests: number, took: number) =>
        rows.push({ operation, period: c.label, 'db requests/call': requests, load: 'once', p50Ms: roundMs(took), p95Ms: roundMs(took) })

      let splitMs = 0
      const splitRequests = await emu.countRequests(async () => {
        splitMs = await timeCall(async () => must(await split(period._id, { mode: 'auto', size: TEAM_SIZE }, emu.clock.now())))
      })
      once('automatic split (operator, once)', splitRequests, splitMs)

      // One 组长 per team: the first member of each team's roster.
      const teams = Math.ceil(c.members / TEAM_SIZE)
      const leaders: string[] = []
      for (let i = 1; i <= teams; i++) {
        const [first] = await rosterOf(teamId(period._id, i))
        if (!first) throw new Error(`team ${i} has no members after the split`)
        const granted = await grantRole(period._id, publicIdOf(first.memberId), 'leader', emu.clock.now())
        must(granted)
        leaders.push(first.memberId)
      }

      const refreshRequests = await emu.countRequests(() => local.refresh({ periodId: period._id }))
      const refreshTimes: number[] = []
      for (let r = 0; r < REFRESH_RUNS; r++) refreshTimes.push(await pool.run(0, 'refresh', { periodId: period._id }))
      rows.push({
        operation: 'board refresh job (per period)',
        period: c.label,
        'db requests/call': refreshRequests,
        load: `${REFRESH_RUNS} runs, one at a time`,
        ...latencyCells(refreshTimes),
      })

      const lastOffset = Math.max(0, (Math.ceil(teams / 20) - 1) * 20)
      const reads: [string, (s: number, r: number) => Promise<number>, () => Promise<unknown>][] = [
        [
          'team board today, first page',
          (s, r) =>
            pool.run(s, 'board', { periodId: period._id, memberId: memberIds[(s * ROUNDS + r) % c.members], board: 'today', offset: 0 }),
          () => local.board({ periodId: period._id, memberId: memberIds[1], board: 'today', offset: 0 }),
        ],
        [
          'team board period, last page',
          (s, r) =>
            pool.run(s, 'board', {
              periodId: period._id,
              memberId: memberIds[(s * ROUNDS + r) % c.members],
              board: 'period',
              offset: lastOffset,
            }),
          () => local.board({ periodId: period._id, memberId: memberIds[1], board: 'period', offset: lastOffset }),
        ],
        [
          "组长's team day",
          (s, r) => pool.run(s, 'teamDay', { periodId: period._id, memberId: leaders[(s * ROUNDS + r) % leaders.length] }),
          () => local.teamDay({ periodId: period._id, memberId: leaders[0] }),
        ],
      ]
      for (const [operation, call, counted] of reads) {
        const requests = await emu.countRequests(counted)
        for (const [mode, think] of loadModes(CONCURRENT, 'callers', THINK_MS)) {
          const { times } = await runLoad(CONCURRENT, ROUNDS, think, call)
          rows.push({
            operation,
            period: c.label,
            'db requests/call': requests,
            load: mode,
            ...latencyCells(times),
          })
        }
      }
    }
  } finally {
    await instances?.close()
    await emu.close()
  }
  return rows
}
