/**
 * The functions' own request schemas (cloudfunctions/src/contracts/requests.ts) applied to what a client sends: the
 * page tests' fake transport and the weapp layer's fake `wx.cloud` both refuse a request the function would answer
 * with REQUEST.INVALID, so a page that sends one fails its test instead of showing a toast nobody reads.
 */
import { REQUESTS } from '@cloud/contracts/requests'

/** What WeChat puts in the event for a CloudID it could not resolve for the caller: valid wherever a CloudID is. */
const unresolved = (value: unknown): unknown =>
  value && typeof value === 'object' && Object.keys(value).join() === 'cloudID'
    ? { ...value, errCode: -601006, errMsg: 'test: CloudID not resolved' }
    : value

/**
 * Why the function would refuse this request with REQUEST.INVALID (its own zod schema, as the handler parses it
 * after WeChat resolved the top-level CloudIDs), or null.
 */
export function invalidRequest(name: string, data: Record<string, unknown>): string | null {
  const schema = (REQUESTS as Record<string, (typeof REQUESTS)[keyof typeof REQUESTS]>)[name]
  if (!schema) return `no function ${name}`
  const event = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, unresolved(v)]))
  const parsed = schema.safeParse(event)
  return parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`).join('; ')
}
