/**
 * Roles are stored server-side on the member's record (`members/{openid}.roles`)
 * and granted by an admin; every identified caller is at least a member.
 */
import { getOrNull } from './db'

export type Role = 'member' | 'teacher' | 'admin'
export const ROLES: readonly Role[] = ['member', 'teacher', 'admin']

export async function rolesOf(openid: string): Promise<Set<Role>> {
  const doc = await getOrNull<{ roles?: unknown }>('members', openid)
  const stored = Array.isArray(doc?.roles) ? doc.roles.filter((r): r is Role => ROLES.includes(r as Role)) : []
  return new Set<Role>(['member', ...stored])
}
