/**
 * The company's points policy (expiry off by default), kept in `sys_meta/points-policy`
 * and cached per warm instance so the hot paths do not pay a read for it.
 */
import { EXPIRY_OFF, type ExpiryPolicy } from '../../domain/points'
import { now } from '../../shared/clock'
import { repo } from './store'

export const POLICY_DOC = 'points-policy'
const TTL_MS = 60_000
let cached: { policy: ExpiryPolicy; at: number } | undefined

export async function expiryPolicy(): Promise<ExpiryPolicy> {
  if (cached && now() - cached.at < TTL_MS) return cached.policy
  const doc = await repo.getMeta<{ expiry?: ExpiryPolicy }>(POLICY_DOC)
  const policy = doc?.expiry && typeof doc.expiry.enabled === 'boolean' ? doc.expiry : EXPIRY_OFF
  cached = { policy, at: now() }
  return policy
}

/** Tests and the admin page change the policy; the next read must see it. */
export function forgetPolicy(): void {
  cached = undefined
}
