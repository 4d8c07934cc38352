import { MemberRequest } from '../../contracts/identity'
import type { IdentityResults } from '../../contracts/results'
import type { Caller } from '../../shared/cloud'
import { now } from '../../shared/clock'
import { actionsFrom, defineFunction } from '../../shared/handler'
import { signupPhonesEndingWith } from '../../services/classes/lookups'
import { searchMembers, staffList } from '../../services/identity/directory'
import { grantRole, openMember, updateProfile } from '../../services/identity/members'
import { openBalanceInTx } from '../../services/points/ledger'

/** A new member's points balance doc opens with them, so their first points are a plain `_.inc` (issue #12 item 9). */
const opened = (who: Caller, tags?: { channel?: string; posterCode?: string }) => {
  const at = now()
  return openMember(who, at, tags, (tx) => openBalanceInTx(tx, who.openid, at))
}

export const main = defineFunction(
  actionsFrom<typeof MemberRequest, IdentityResults>(MemberRequest, {
    open: { run: async ({ channel, posterCode }, { who }) => opened(who, { channel, posterCode }) },
    me: { run: async (_input, { who }) => opened(who) },
    updateProfile: { run: async ({ action: _a, ...input }, { who }) => updateProfile(who, input, now()) },
    grantRole: { roles: ['admin'], run: async ({ member, role, grant }, { who }) => grantRole(who.openid, member, role, grant, now()) },
    // Operators pick members by nickname or phone tail: names and handles only, never openids.
    searchMembers: { roles: ['admin'], run: async ({ query, limit }) => searchMembers(query, limit, signupPhonesEndingWith) },
    staff: { roles: ['admin'], run: async () => staffList() },
  }),
)
