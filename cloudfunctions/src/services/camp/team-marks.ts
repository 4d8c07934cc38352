/**
 * A member's team on their enrollment (camp owns enrollments; the community feature decides the teams). Check-ins copy
 * `teamId` from the enrollment, so a teacher narrowed to teams (`teacherTeams`) and a leader's scope see the member's
 * submissions from their next check-in on; `teamRole` is what the policy's leader rules read.
 */
import { enrollmentId, type TeamRole } from '../../domain/camp'
import type { Tx } from '../../shared/db'
import { repo } from './store'

export interface TeamMark {
  teamId?: string | null
  teamRole?: TeamRole | null
}

const fields = (mark: TeamMark) => ({
  ...(mark.teamId !== undefined ? { teamId: mark.teamId } : {}),
  ...(mark.teamRole !== undefined ? { teamRole: mark.teamRole } : {}),
})

/** Writes the mark on the member's enrollment inside `tx` (one request). */
export async function markTeamInTx(tx: Tx, periodId: string, memberId: string, mark: TeamMark): Promise<void> {
  await repo
    .inTx(tx, 'enrollments')
    .doc(enrollmentId(periodId, memberId))
    .update({ data: fields(mark) })
}

/** The same outside a transaction (a bulk split writes memberships in batches, each with its mark). */
export async function markTeam(periodId: string, memberId: string, mark: TeamMark): Promise<void> {
  await repo
    .col('enrollments')
    .doc(enrollmentId(periodId, memberId))
    .update({ data: fields(mark) })
}
