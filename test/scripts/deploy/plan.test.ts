import { COLLECTIONS } from '../../../cloudfunctions/src/schema/collections'
import { desiredState, EMPTY_ENV, type EnvState } from '../../../scripts/deploy/desired-state'
import { formatPlan, pending, plan } from '../../../scripts/deploy/plan'

const desired: EnvState = {
  collections: [
    { name: 'members', indexes: [{ name: 'role_created', keys: { role: 1, createdAt: -1 } }] },
    { name: 'orders', indexes: [{ name: 'member_request', keys: { memberId: 1, requestId: 1 }, unique: true }] },
  ],
  permissions: { members: 'ADMINONLY', orders: 'ADMINONLY' },
  storage: { acl: 'CUSTOM', rule: { read: 'auth != null', write: 'false' } },
  functions: [{ name: 'camp', codeSha: 'abc', timeoutSec: 60, triggers: [{ name: 'jobs', type: 'timer', config: '0 */5 * * * * *' }] }],
}
const summary = (state: EnvState) => plan(desired, state).map((i) => `${i.action} ${i.kind} ${i.name}`)

describe('deploy plan', () => {
  it('should create every resource in an empty environment', () => {
    expect(summary(EMPTY_ENV)).toEqual([
      'create collection members',
      'create index members.role_created',
      'create permission members',
      'create collection orders',
      'create index orders.member_request',
      'create permission orders',
      'create storage storage rule',
      'create function camp',
      'create triggers camp',
    ])
  })

  it('should leave what exists and change only what differs in a partly provisioned environment', () => {
    const partly: EnvState = {
      collections: [{ name: 'members', indexes: [{ name: 'role_created', keys: { role: 1, createdAt: 1 } }] }],
      permissions: { members: 'PRIVATE' },
      storage: { acl: 'READONLY' },
      functions: [
        {
          name: 'camp',
          codeSha: 'old',
          timeoutSec: 20,
          triggers: [
            { name: 'reminders', type: 'timer', config: '0 */5 * * * * *' },
            { name: 'complete', type: 'timer', config: '0 10 * * * * *' },
          ],
        },
      ],
    }
    expect(summary(partly)).toEqual([
      'leave collection members',
      'change index members.role_created',
      'change permission members',
      'create collection orders',
      'create index orders.member_request',
      'create permission orders',
      'change storage storage rule',
      'change function camp',
      'change triggers camp',
    ])
    const items = plan(desired, partly)
    expect(items.find((i) => i.kind === 'function')).toMatchObject({ why: ['code', 'timeout 20s → 60s'] })
    expect(items.find((i) => i.kind === 'triggers')).toMatchObject({ stale: ['reminders', 'complete'] })
  })

  it('should flag a function whose runtime is older than the Node 16 the bundles are built for', () => {
    const old: EnvState = { ...desired, functions: [{ ...desired.functions[0], runtime: 'Nodejs10.15' }] }
    expect(plan(desired, old).find((i) => i.kind === 'function')).toMatchObject({
      action: 'change',
      why: [expect.stringContaining('runtime Nodejs10.15')],
    })
    const current: EnvState = { ...desired, functions: [{ ...desired.functions[0], runtime: 'Nodejs18.15' }] }
    expect(pending(plan(desired, current))).toEqual([])
  })

  it('should plan nothing for a fully provisioned environment', () => {
    expect(pending(plan(desired, desired))).toEqual([])
    expect(formatPlan(plan(desired, desired))).toBe('plan: 0 to create, 0 to change, 9 to leave')
  })

  it('should name every collection, index and permission of the manifest when planning the real code against nothing', () => {
    const items = plan(desiredState(), EMPTY_ENV)
    const indexCount = COLLECTIONS.reduce((n, c) => n + c.indexes.length, 0)
    expect(items.filter((i) => i.kind === 'collection')).toHaveLength(COLLECTIONS.length)
    expect(items.filter((i) => i.kind === 'index')).toHaveLength(indexCount)
    expect(items.filter((i) => i.kind === 'permission' && i.permission === 'ADMINONLY')).toHaveLength(COLLECTIONS.length)
    expect(items.every((i) => i.action === 'create')).toBe(true)
  })
})
