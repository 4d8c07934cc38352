/** What other features may ask about signups (materials unlocked "after signup"): answered from the classes repository. */
import { signupIdOf, type SignupStatus } from '../../domain/classes'
import { command, regExp } from '../../shared/repository'
import { repo, SIGNUPS } from './store'

/** A signup in one of `statuses`: for one class by its `_id` (one read), or any class through index member_status_created. */
export async function hasSignupIn(memberId: string, classId: string | null, statuses: readonly SignupStatus[]): Promise<boolean> {
  if (classId) {
    const signup = await repo.get(SIGNUPS, signupIdOf(classId, memberId))
    return !!signup && statuses.includes(signup.status)
  }
  const _ = command()
  const res = await repo
    .col(SIGNUPS)
    .where({ memberId, status: _.in([...statuses]) })
    .limit(1)
    .get()
  return res.data.length > 0
}

/** Up to `limit` signups whose phone ends with `digits` (a regular-expression scan: staff searches only). */
export async function signupPhonesEndingWith(digits: string, limit: number): Promise<{ memberId: string; phone: string }[]> {
  const res = await repo
    .col(SIGNUPS)
    .where({ phone: regExp({ regexp: `${digits}$` }) })
    .limit(limit)
    .get()
  return res.data
}
