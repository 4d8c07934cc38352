import { callAction } from '@/shared/cloud'
import type { MemberPick } from '@cloud/contracts/identity'

/** Staff roles (identity function, admin only). Members are named by the handle a member search answered. */
export type StaffRole = 'teacher' | 'admin'

export const STAFF_ROLE_TEXT: Readonly<Record<StaffRole, string>> = { teacher: '老师', admin: '运营' }

export const staffList = () => callAction('identity', 'staff')
export const grantRole = (member: string, role: StaffRole, grant: boolean) => callAction('identity', 'grantRole', { member, role, grant })

export const hasRole = (m: MemberPick, role: StaffRole) => m.roles.some((r) => r.value === role)
