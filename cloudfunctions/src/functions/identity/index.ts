import { MemberRequest } from '../../contracts/identity'
import type { IdentityResults } from '../../contracts/results'
import { now } from '../../shared/clock'
import { actionsFrom, defineFunction } from '../../shared/handler'
import { signupPhonesEndingWith } from '../../services/classes/lookups'
import { searchMembers, staffList } from '../../services/identity/directory'
import { grantRole, openMember, updateProfile } from '../../services/identity/members'

export const main = defineFunction(
  actionsFrom<typeof MemberRequest, IdentityResults>(MemberRequest, {
    open: { run: async ({ channel, posterCode }, { who }) => openMember(who, now(), { channel, posterCode }) },
    me: { run: async (_input, { who }) => openMember(who, now()) },
    updateProfile: { run: async ({ action: _a, ...input }, { who }) => updateProfile(who, input, now()) },
    grantRole: { roles: ['admin'], run: async ({ member, role, grant }, { who }) => grantRole(who.openid, member, role, grant, now()) },
    // Operators pick members by nickname or phone tail: names and handles only, never openids.
    searchMembers: { roles: ['admin'], run: async ({ query, limit }) => searchMembers(query, limit, signupPhonesEndingWith) },
    staff: { roles: ['admin'], run: async () => staffList() },
  }),
)
