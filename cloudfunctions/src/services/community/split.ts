/**
 * Splitting a period into teams and placing late joiners (rules in domain/community/teams.ts).
 *
 * An automatic split reads the period's enrollments in join order (pages of 1000), plans with `planSplit` and writes
 * the team documents and one membership per member with `set` on deterministic ids, then the split record last: a
 * split that fails halfway is simply run again and writes the same documents. A manual split only creates the empty
 * teams; the operator places members by hand (manage.ts `moveMember`).
 *
 * Members who join after an automatic split are placed in the smallest team (`placeLateJoiners`, run before every
 * team read and by the board refresh job): from the split's cursor in join order, at most PLACE_BATCH per call, each
 * in its own transaction that creates the membership only if it does not exist and counts it on the team.
 */
import { rejectTeam, defaultTeamName, placeLateJoiner, planSplit, teamId, type TeamRejection } from '../../domain/community'
import { TxAbort, withoutId, withTransaction } from '../../shared/db'
import { command } from '../../shared/repository'
import { enrollmentsJoinedAfter, enrollmentsOfMembers, periodForTeams, type TeamEnrollment } from '../camp/community-reads'
import { markTeam, markTeamInTx } from '../camp/team-marks'
import {
  repo,
  splitOf,
  teamMemberId,
  teamsOf,
  TEAM_MEMBERS,
  TEAM_SPLITS,
  TEAMS,
  type TeamDoc,
  type TeamMemberDoc,
  type TeamSplitDoc,
} from './store'

const PAGE = 1000
const WRITE_BATCH = 50
export const PLACE_BATCH = 200
const START = { joinedAt: 0, id: '' }

export type SplitRequest = { mode: 'auto'; size: number } | { mode: 'manual'; teams: number }

export interface SplitOutcome {
  teams: number
  placed: number
}

async function allEnrollments(periodId: string): Promise<TeamEnrollment[]> {
  const out: TeamEnrollment[] = []
  let after: { joinedAt: number; id: string } | null = null
  for (;;) {
    const page = await enrollmentsJoinedAfter(periodId, after, PAGE)
    out.push(...page)
    if (page.length < PAGE) return out
    const last = page[page.length - 1]
    after = { joinedAt: last.joinedAt, id: last._id }
  }
}

const emptyTeam = (periodId: string, index: number, name: string, size: number, now: number): TeamDoc => ({
  _id: teamId(periodId, index),
  periodId,
  index,
  name,
  size,
  roles: { leader: [], study_officer: [] },
  counters: null,
  createdAt: now,
  updatedAt: now,
})

const membership = (e: TeamEnrollment, teamIndex: number, now: number): TeamMemberDoc => ({
  _id: teamMemberId(e.periodId, e.memberId),
  periodId: e.periodId,
  memberId: e.memberId,
  publicId: e.publicId,
  teamId: teamId(e.periodId, teamIndex),
  teamIndex,
  teamRole: null,
  joinedAt: e.joinedAt,
  placedAt: now,
})

async function inBatches<T>(items: readonly T[], write: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += WRITE_BATCH) await Promise.all(items.slice(i, i + WRITE_BATCH).map(write))
}

export async function splitPeriod(periodId: string, request: SplitRequest, now: number): Promise<SplitOutcome | TeamRejection> {
  const period = await periodForTeams(periodId)
  if (!period) return rejectTeam('TEAM.PERIOD_NOT_FOUND')
  if (await splitOf(periodId)) return rejectTeam('TEAM.ALREADY_SPLIT')
  const enrollments = request.mode === 'auto' ? await allEnrollments(periodId) : []
  const plan =
    request.mode === 'auto'
      ? planSplit(
          enrollments.map((e) => ({ memberId: e.memberId, joinedAt: e.joinedAt })),
          request.size,
        )
      : Array.from({ length: request.teams }, (_, i) => ({ index: i + 1, name: defaultTeamName(i + 1), memberIds: [] as string[] }))
  if (!Array.isArray(plan)) return plan
  const byMember = new Map(enrollments.map((e) => [e.memberId, e]))
  const teams = plan.map((t) => emptyTeam(periodId, t.index, t.name, t.memberIds.length, now))
  const members = plan.flatMap((t) => t.memberIds.map((m) => membership(byMember.get(m) as TeamEnrollment, t.index, now)))
  await inBatches(teams, (t) =>
    repo
      .col(TEAMS)
      .doc(t._id)
      .set({ data: withoutId(t) }),
  )
  await inBatches(members, (m) =>
    Promise.all([
      repo
        .col(TEAM_MEMBERS)
        .doc(m._id)
        .set({ data: withoutId(m) }),
      markTeam(periodId, m.memberId, { teamId: m.teamId, teamRole: null }),
    ]),
  )
  const last = enrollments[enrollments.length - 1]
  const split: TeamSplitDoc = {
    _id: periodId,
    periodId,
    mode: request.mode,
    size: request.mode === 'auto' ? request.size : null,
    teams: teams.length,
    placedUntil: last ? { joinedAt: last.joinedAt, id: last._id } : START,
    active: true,
    refreshedAt: 0,
    splitAt: now,
  }
  await repo
    .col(TEAM_SPLITS)
    .doc(periodId)
    .set({ data: withoutId(split) })
  return { teams: teams.length, placed: members.length }
}

/** Places one member in the smallest team unless they already have one; answers whether this call placed them. */
async function placeOne(e: TeamEnrollment, sizes: Map<number, number>, now: number): Promise<boolean> {
  const index = placeLateJoiner([...sizes].map(([i, size]) => ({ index: i, size })))
  if (index === null) return false
  const placed = await withTransaction(async (tx) => {
    const id = teamMemberId(e.periodId, e.memberId)
    if (await repo.getIn(tx, TEAM_MEMBERS, id)) throw new TxAbort(false)
    await repo
      .inTx(tx, TEAM_MEMBERS)
      .doc(id)
      .set({ data: withoutId(membership(e, index, now)) })
    await repo
      .inTx(tx, TEAMS)
      .doc(teamId(e.periodId, index))
      .update({ data: { size: command().inc(1), updatedAt: now } })
    await markTeamInTx(tx, e.periodId, e.memberId, { teamId: teamId(e.periodId, index), teamRole: null })
    return true
  })
  if (placed) sizes.set(index, (sizes.get(index) ?? 0) + 1)
  return placed
}

/**
 * The caller alone, on a member's own read: placed now if the split is automatic and they have no team yet, without
 * walking everyone else who joined late (operator reads and the refresh job do that).
 */
export async function placeMember(periodId: string, memberId: string, now: number): Promise<void> {
  const split = await splitOf(periodId)
  if (!split || split.mode !== 'auto') return
  const [e] = [...(await enrollmentsOfMembers(periodId, [memberId])).values()]
  if (!e) return
  const sizes = new Map((await teamsOf(periodId)).map((t) => [t.index, t.size]))
  await placeOne(e, sizes, now)
}

/** Late joiners of an automatically split period, placed from the cursor on (at most PLACE_BATCH per call). */
export async function placeLateJoiners(periodId: string, now: number): Promise<number> {
  const split = await splitOf(periodId)
  if (!split || split.mode !== 'auto') return 0
  const joiners = await enrollmentsJoinedAfter(periodId, split.placedUntil, PLACE_BATCH)
  if (joiners.length === 0) return 0
  const sizes = new Map((await teamsOf(periodId)).map((t) => [t.index, t.size]))
  let placed = 0
  for (const e of joiners) if (await placeOne(e, sizes, now)) placed++
  const last = joiners[joiners.length - 1]
  await repo
    .col(TEAM_SPLITS)
    .doc(periodId)
    .update({ data: { placedUntil: command().set({ joinedAt: last.joinedAt, id: last._id }) } })
  return placed
}
