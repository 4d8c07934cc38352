/**
 * The CloudBase adapter drives the real @cloudbase/manager-node; only node-fetch, its network edge, is faked here.
 * Each request is a Tencent Cloud API 3.0 call (X-TC-Action header, JSON body); the fake mockAnswers like the API
 * (`{ Response: { … } }`, errors as `Response.Error`). miniprogram-ci is replaced at its port (MiniprogramCloud):
 * its upload path needs WeChat's servers and an upload key.
 */
import { cloudbaseTarget, type Manager, type MiniprogramCloud } from '../../../scripts/deploy/cloudbase-target'
import type { EnvState } from '../../../scripts/deploy/desired-state'
import { pending, plan } from '../../../scripts/deploy/plan'
import { applyPlan } from '../../../scripts/deploy/target'

interface Call {
  host: string
  action: string
  body: Record<string, unknown>
}
const mockCalls: Call[] = []
let mockAnswers: Record<string, (body: Record<string, unknown>) => unknown> = {}

jest.mock('node-fetch', () => ({
  __esModule: true,
  default: async (url: string, config: { headers: Record<string, string>; body?: string }) => {
    const action = config.headers['X-TC-Action']
    const body = JSON.parse(config.body ?? '{}') as Record<string, unknown>
    mockCalls.push({ host: new URL(url).host, action, body })
    const answer = mockAnswers[action]
    const response = answer ? answer(body) : { Error: { Code: 'ResourceNotFound', Message: `${action} not faked` } }
    return { text: async () => JSON.stringify({ Response: { RequestId: 'r', ...(response as object) } }) }
  },
}))

const ENV = 'camp-env-1a2b'
const envInfo = {
  EnvInfo: {
    EnvBaseInfo: {
      EnvId: ENV,
      Storages: [{ Region: 'ap-shanghai', Bucket: 'bucket-1' }],
      Databases: [{ InstanceId: 'db-1', Region: 'ap-shanghai' }],
      Functions: [{ Namespace: ENV, Region: 'ap-shanghai' }],
      LogServices: [],
    },
  },
}

const desired: EnvState = {
  collections: [
    { name: 'members', indexes: [{ name: 'role_created', keys: { role: 1, createdAt: -1 } }] },
    { name: 'orders', indexes: [{ name: 'member_request', keys: { memberId: 1, requestId: 1 }, unique: true }] },
  ],
  permissions: { members: 'ADMINONLY', orders: 'ADMINONLY' },
  storage: { acl: 'CUSTOM', rule: { read: 'auth != null', write: 'false' } },
  functions: [{ name: 'camp', codeSha: 'abc123', timeoutSec: 60, triggers: [{ name: 'jobs', type: 'timer', config: '0 */5 * * * * *' }] }],
}

function manager(): Manager {
  const CloudBase = require('@cloudbase/manager-node') as new (o: { secretId: string; secretKey: string; envId: string }) => Manager
  return new CloudBase({ secretId: 'AKIDtest', secretKey: 'secret', envId: ENV })
}

beforeEach(() => {
  mockCalls.length = 0
  mockAnswers = {
    DescribeEnvInfo: () => envInfo,
    ListTables: () => ({ Tables: [{ TableName: 'members' }], Pager: { Offset: 0, Limit: 100, Total: 1 } }),
    DescribeTable: () => ({
      Indexes: [
        { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true },
        {
          Name: 'role_created',
          Keys: [
            { Name: 'role', Direction: '1' },
            { Name: 'createdAt', Direction: '-1' },
          ],
          Unique: false,
        },
      ],
    }),
    DescribeResourcePermission: () => ({
      TotalCount: 1,
      PermissionList: [{ ResourceType: 'collection', Resource: 'members', Permission: 'PRIVATE' }],
    }),
    DescribeStorageSafeRule: () => ({ AclTag: 'READONLY' }),
    GetFunction: () => ({ Error: { Code: 'ResourceNotFound.Function', Message: '函数不存在' } }),
    CreateTable: () => ({}),
    UpdateTable: () => ({}),
    ModifyResourcePermission: () => ({ Success: true }),
    ModifyStorageSafeRule: () => ({}),
    UpdateFunctionConfiguration: () => ({}),
  }
})

describe('CloudBase adapter', () => {
  it('should read a partly provisioned environment through the Tencent Cloud API actions', async () => {
    const current = await cloudbaseTarget(ENV, manager(), {} as MiniprogramCloud).read(desired)
    expect(current.collections).toEqual([{ name: 'members', indexes: [{ name: 'role_created', keys: { role: 1, createdAt: -1 } }] }])
    expect(current.permissions).toEqual({ members: 'PRIVATE' })
    expect(current.storage).toEqual({ acl: 'READONLY' })
    expect(current.functions).toEqual([])
    expect(mockCalls.find((c) => c.action === 'DescribeResourcePermission')?.body).toMatchObject({
      EnvId: ENV,
      ResourceType: 'collection',
      Resources: ['members'],
    })
    expect(mockCalls.find((c) => c.action === 'GetFunction')).toMatchObject({
      host: 'scf.tencentcloudapi.com',
      body: { FunctionName: 'camp' },
    })
  })

  it('should send what the plan needs: table, index, permission, storage rule, function code and settings, trigger', async () => {
    const cloud = { uploadFunction: jest.fn(async () => ({})), createTimeTrigger: jest.fn(async () => 'ok') }
    const target = cloudbaseTarget(ENV, manager(), cloud, '/build')
    const items = plan(desired, await target.read(desired))
    mockCalls.length = 0
    await applyPlan(target, items)
    const sent = (action: string) => mockCalls.filter((c) => c.action === action).map((c) => c.body)
    expect(sent('CreateTable')).toEqual([expect.objectContaining({ EnvId: ENV, TableName: 'orders' })])
    expect(sent('UpdateTable')).toEqual([
      expect.objectContaining({
        TableName: 'orders',
        CreateIndexes: [
          {
            IndexName: 'member_request',
            MgoKeySchema: {
              MgoIndexKeys: [
                { Name: 'memberId', Direction: '1' },
                { Name: 'requestId', Direction: '1' },
              ],
              MgoIsUnique: true,
            },
          },
        ],
      }),
    ])
    expect(sent('ModifyResourcePermission')).toEqual([
      expect.objectContaining({ EnvId: ENV, ResourceType: 'collection', Resource: 'members', Permission: 'ADMINONLY' }),
      expect.objectContaining({ EnvId: ENV, ResourceType: 'collection', Resource: 'orders', Permission: 'ADMINONLY' }),
    ])
    expect(sent('ModifyStorageSafeRule')).toEqual([
      expect.objectContaining({
        EnvId: ENV,
        Bucket: 'bucket-1',
        AclTag: 'CUSTOM',
        Rule: JSON.stringify({ read: 'auth != null', write: 'false' }),
      }),
    ])
    expect(cloud.uploadFunction).toHaveBeenCalledWith({ env: ENV, name: 'camp', path: '/build/camp', remoteNpmInstall: true })
    expect(sent('UpdateFunctionConfiguration')).toEqual([
      expect.objectContaining({ FunctionName: 'camp', Timeout: 60, Description: 'deploy:abc123' }),
    ])
    expect(cloud.createTimeTrigger).toHaveBeenCalledWith({
      envId: ENV,
      functionName: 'camp',
      triggersConfig: desired.functions[0].triggers,
    })
  })

  it('should plan nothing for an environment that matches, reading the code hash and trigger back', async () => {
    mockAnswers.ListTables = () => ({ Tables: [{ TableName: 'members' }, { TableName: 'orders' }], Pager: { Total: 2 } })
    mockAnswers.DescribeTable = (body) =>
      body.TableName === 'orders'
        ? {
            Indexes: [
              {
                Name: 'member_request',
                Keys: [
                  { Name: 'memberId', Direction: '1' },
                  { Name: 'requestId', Direction: '1' },
                ],
                Unique: true,
              },
            ],
          }
        : {
            Indexes: [
              {
                Name: 'role_created',
                Keys: [
                  { Name: 'role', Direction: '1' },
                  { Name: 'createdAt', Direction: '-1' },
                ],
                Unique: false,
              },
            ],
          }
    mockAnswers.DescribeResourcePermission = () => ({
      PermissionList: [
        { Resource: 'members', Permission: 'ADMINONLY' },
        { Resource: 'orders', Permission: 'ADMINONLY' },
      ],
    })
    mockAnswers.DescribeStorageSafeRule = () => ({ AclTag: 'CUSTOM', Rule: JSON.stringify({ read: 'auth != null', write: 'false' }) })
    mockAnswers.GetFunction = () => ({
      FunctionName: 'camp',
      Timeout: 60,
      Description: 'deploy:abc123',
      Runtime: 'Nodejs16.13',
      Triggers: [{ Type: 'timer', TriggerName: 'jobs', TriggerDesc: JSON.stringify({ cron: '0 */5 * * * * *' }) }],
    })
    const current = await cloudbaseTarget(ENV, manager(), {} as MiniprogramCloud).read(desired)
    expect(pending(plan(desired, current))).toEqual([])
  })
})
