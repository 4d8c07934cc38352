import type { CommunityResults } from '../../../cloudfunctions/src/contracts/community'
import type { FunctionsHarness } from '../../support/functions'

type Action = keyof CommunityResults
export const community = <A extends Action>(h: FunctionsHarness, action: A, payload: Record<string, unknown>, openid: string) =>
  h.call<CommunityResults[A]>('community', { action, ...payload }, openid)
export const communityOk = <A extends Action>(h: FunctionsHarness, action: A, payload: Record<string, unknown>, openid: string) =>
  h.ok<CommunityResults[A]>('community', { action, ...payload }, openid)

/** The handle (public id) an operator's list shows for the member named `nickname` (test members are named by openid). */
export async function handleIn(h: FunctionsHarness, admin: string, periodId: string, nickname: string): Promise<string> {
  const { teams } = await communityOk(h, 'teams', { periodId }, admin)
  for (const t of teams) {
    const roster = await communityOk(h, 'roster', { periodId, teamIndex: t.index }, admin)
    const row = roster.members.find((m) => m.member.nickname === nickname)
    if (row) return row.member.id
  }
  throw new Error(`${nickname} is on no team`)
}

/** Team number of each member (by nickname), from the operator's rosters. */
export async function teamOfEach(h: FunctionsHarness, admin: string, periodId: string): Promise<Record<string, number>> {
  const { teams } = await communityOk(h, 'teams', { periodId }, admin)
  const out: Record<string, number> = {}
  for (const t of teams) {
    const roster = await communityOk(h, 'roster', { periodId, teamIndex: t.index }, admin)
    for (const m of roster.members) out[m.member.nickname] = t.index
  }
  return out
}
