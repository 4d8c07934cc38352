import { MemberRequest } from '../../contracts/identity'
import { now } from '../../shared/clock'
import { actionsFrom, defineFunction } from '../../shared/handler'
import { grantRole, openMember, updateProfile } from '../../services/identity/members'

export const main = defineFunction(
  actionsFrom(MemberRequest, {
    open: { run: async ({ channel, posterCode }, { who }) => openMember(who, now(), { channel, posterCode }) },
    me: { run: async (_input, { who }) => openMember(who, now()) },
    updateProfile: { run: async ({ action: _a, ...input }, { who }) => updateProfile(who, input, now()) },
    grantRole: { roles: ['admin'], run: async ({ memberId, role, grant }) => grantRole(memberId, role, grant, now()) },
  }),
)
