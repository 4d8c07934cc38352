/**
 * Hostile input against every action of every contract (issue #13): for each action a valid request is generated
 * from its zod schema, then one field at a time is replaced by something no contract should take — the wrong JSON
 * type, NaN (null on the wire), ±1e18, a 1 MB string, 10,000 array items, `$` / dotted / `__proto__` keys, impossible
 * calendar dates and times — and the real handler runs it as an admin-and-teacher caller (roles never stop it before
 * the schema). Every answer must be REQUEST.INVALID or a stable domain code, never success or SYS.*, and the
 * database must be exactly as it was.
 */
import type { ZodTypeAny } from 'zod'
import { AnalyticsRequest } from '../../cloudfunctions/src/contracts/analytics'
import { CampRequest } from '../../cloudfunctions/src/contracts/camp'
import { ClassesRequest } from '../../cloudfunctions/src/contracts/classes'
import { CommunityRequest } from '../../cloudfunctions/src/contracts/community'
import { MemberRequest } from '../../cloudfunctions/src/contracts/identity'
import { InvitesRequest } from '../../cloudfunctions/src/contracts/invites'
import { MallRequest } from '../../cloudfunctions/src/contracts/mall'
import { MaterialsRequest } from '../../cloudfunctions/src/contracts/materials'
import { PointsRequest } from '../../cloudfunctions/src/contracts/points'
import { ReviewRequest } from '../../cloudfunctions/src/contracts/review'
import { startFunctions, type FunctionsHarness } from '../support/functions'
import { fieldAt, fieldPaths, hostileFor, sample, withField } from '../support/zod-samples'
import { ADMIN as CAMP_ADMIN, at, joined, openPeriod } from './camp/support'
import { giveClass, giveSession } from './classes/support'
import { giveItem } from './mall/support'
import { giveMaterial } from './materials/support'

type Main = (event: unknown) => Promise<{ code: unknown }>
const CONTRACTS: [string, { options: ZodTypeAny[] }, () => Promise<{ main: Main }>][] = [
  ['analytics', AnalyticsRequest, () => import('../../cloudfunctions/src/functions/analytics')],
  ['camp', CampRequest, () => import('../../cloudfunctions/src/functions/camp')],
  ['classes', ClassesRequest, () => import('../../cloudfunctions/src/functions/classes')],
  ['community', CommunityRequest, () => import('../../cloudfunctions/src/functions/community')],
  ['identity', MemberRequest, () => import('../../cloudfunctions/src/functions/identity')],
  ['invites', InvitesRequest, () => import('../../cloudfunctions/src/functions/invites')],
  ['mall', MallRequest, () => import('../../cloudfunctions/src/functions/mall')],
  ['materials', MaterialsRequest, () => import('../../cloudfunctions/src/functions/materials')],
  ['points', PointsRequest, () => import('../../cloudfunctions/src/functions/points')],
  ['review', ReviewRequest, () => import('../../cloudfunctions/src/functions/review')],
]
const FUZZER = 'fuzz-admin'

let h: FunctionsHarness
/** Ids of real documents the fuzzer may act on, so a hostile field is not hidden behind "not found" on another. */
const real: Record<string, string> = {}

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await h.member(FUZZER, ['admin', 'teacher'])
  for (const admin of [CAMP_ADMIN, 'mall-admin', 'materials-admin', 'class-admin']) await h.member(admin, ['admin'])
  await at(h, '2026-03-02 10:00')
  const period = await openPeriod(h)
  await joined(h, period, [FUZZER])
  const cls = await giveClass(h)
  Object.assign(real, {
    periodId: period._id,
    campId: period.campId,
    itemId: (await giveItem(h, { kind: 'physical', stock: 5, cost: 10 })).id,
    materialId: (await giveMaterial(h, { rule: { kind: 'points', cost: 10 } })).id,
    classId: cls.id,
    sessionId: (await giveSession(h, cls.id)).id,
  })
  // getWXContext() reads the caller from the environment, as in a cloud function instance.
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
  process.env.WX_OPENID = FUZZER
  process.env.WX_APPID = 'wx-local'
})
afterAll(() => h.close())

/** A valid request for `option`, on the real documents where it names one. */
function request(option: ZodTypeAny): Record<string, unknown> {
  let base = sample(option) as Record<string, unknown>
  for (const [key, id] of Object.entries(real)) {
    if (!(key in base)) continue
    const withReal = { ...base, [key]: id }
    if (option.safeParse(withReal).success) base = withReal
  }
  return base
}
const actionOf = (option: ZodTypeAny) => String(request(option).action)
const stateOf = () => JSON.stringify(h.emu.db.dump())

describe('hostile input against every contract', () => {
  it('should run as the fuzzer: a valid request of it succeeds', async () => {
    const { main } = await import('../../cloudfunctions/src/functions/identity')
    expect(await main({ action: 'me' })).toMatchObject({ code: 0, data: { openid: FUZZER } })
  })

  it('should generate a valid request for nearly every action (else the fuzz below would prove nothing)', () => {
    const all = CONTRACTS.flatMap(([name, union]) => union.options.map((o) => ({ name, o })))
    const missing = all.filter(({ o }) => !o.safeParse(request(o)).success).map(({ name, o }) => `${name}.${actionOf(o)}`)
    expect(all.length).toBeGreaterThan(80)
    // Each listed action still gets the top-level hostile keys below, on its partial sample.
    expect(missing.length / all.length).toBeLessThan(0.1)
  })

  it.each(CONTRACTS.map(([name, union, load]) => [name, union, load] as const))(
    'should refuse every hostile field of %s with REQUEST.INVALID or a domain code and change nothing',
    async (name, union, load) => {
      const { main } = await load()
      const accepted: string[] = []
      const codes = new Map<string, number>()
      let calls = 0
      for (const option of union.options) {
        const base = request(option)
        const cases: { label: string; payload: unknown }[] = [
          { label: '__proto__ key', payload: { ...JSON.parse('{"__proto__":{"roles":["admin"]}}'), ...base } },
          { label: '$set key', payload: { ...base, $set: { roles: ['admin'] } } },
          { label: 'memberId claimed', payload: { ...base, openid: 'someone-else', memberId: base.memberId ?? 'someone-else' } },
        ]
        if (option.safeParse(base).success)
          for (const path of fieldPaths(base).filter((p) => p[0] !== 'action'))
            for (const bad of hostileFor(fieldAt(base, path))) {
              // Calendar mutations only for fields that take dates or times alone (not free text that looked like one).
              if (bad.calendar && ['abc', 'abcdefghij'].some((text) => option.safeParse(withField(base, path, text)).success)) continue
              cases.push({ label: `${path.join('.')}: ${bad.label}`, payload: withField(base, path, bad.value) })
            }
        for (const c of cases) {
          // A hostile variant the schema legitimately takes is not hostile (e.g. the memberId an admin acts on).
          if (c.label === 'memberId claimed' && option.safeParse(c.payload).success) continue
          calls++
          const before = stateOf()
          const res = await main(c.payload)
          const code = String(res.code)
          codes.set(code, (codes.get(code) ?? 0) + 1)
          if (res.code === 0 || code.startsWith('SYS.') || stateOf() !== before)
            accepted.push(`${name}.${String(base.action)} ${c.label} → ${code}`)
        }
      }
      expect(calls).toBeGreaterThan(union.options.length * 3)
      // The hostile fields reached the schema (not stopped earlier by identity or roles).
      expect(codes.get('REQUEST.INVALID') ?? 0).toBeGreaterThan(calls * 0.8)
      expect(accepted).toEqual([])
    },
  )
})
