/**
 * A real CloudBase environment. Database collections, indexes and permissions, storage rules and function settings
 * go through @cloudbase/manager-node (Tencent Cloud API key); function code and timer triggers through miniprogram-ci
 * (the mini program's upload key), the same path DevTools' 上传并部署 takes. Both are the official tools; nothing
 * here speaks HTTP itself.
 */
import * as path from 'path'
import type { IndexSpec } from '../../cloudfunctions/src/schema/collections'
import { FUNCTIONS_BUILD_DIR, type EnvState, type FunctionSpec, type Permission, type StorageRule, type TriggerSpec } from './desired-state'
import type { PlanItem } from './plan'
import type { DeployTarget } from './target'

/** The part of @cloudbase/manager-node used here (its classes are typed loosely in places). */
export interface Manager {
  database: {
    listCollections(o: {
      MgoLimit: number
      MgoOffset: number
    }): Promise<{ Collections: { CollectionName: string }[]; Pager: { Total: number } }>
    describeCollection(
      name: string,
    ): Promise<{ Indexes?: { Name: string; Keys: { Name?: string; Direction?: string }[]; Unique: boolean }[] }>
    createCollection(name: string): Promise<unknown>
    updateCollection(name: string, info: { CreateIndexes?: unknown[]; DropIndexes?: { IndexName: string }[] }): Promise<unknown>
  }
  permission: {
    describeResourcePermission(o: {
      resourceType: 'collection'
      resources: string[]
    }): Promise<{ PermissionList: { Resource?: string; Permission?: string }[] }>
    modifyResourcePermission(o: { resourceType: 'collection'; resource: string; permission: Permission }): Promise<unknown>
  }
  storage: {
    getStorageAcl(o: { withRule: true }): Promise<{ acl: Permission; rule?: { read: string; write: string } }>
    setStorageAcl(acl: Permission, rule?: { read: string; write: string }): Promise<unknown>
  }
  functions: {
    getFunctionDetail(name: string): Promise<{
      Timeout: number
      Description?: string
      Runtime?: string
      Triggers?: { Type: string; TriggerName: string; TriggerDesc: string }[]
    }>
    updateFunctionConfig(o: { name: string; timeout: number; description: string; envVariables?: Record<string, string> }): Promise<unknown>
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>
  }
}

/** The part of miniprogram-ci used here. */
export interface MiniprogramCloud {
  uploadFunction(o: { env: string; name: string; path: string; remoteNpmInstall: boolean }): Promise<unknown>
  createTimeTrigger(o: { envId: string; functionName: string; triggersConfig: TriggerSpec[] }): Promise<unknown>
}

const CODE_SHA_PREFIX = 'deploy:'
const DESCRIBE_BATCH = 100

export function toIndexSpec(index: { Name: string; Keys: { Name?: string; Direction?: string }[]; Unique: boolean }): IndexSpec {
  const keys = Object.fromEntries(index.Keys.map((k) => [k.Name ?? '', Number(k.Direction) === -1 ? -1 : 1])) as Record<string, 1 | -1>
  return { name: index.Name, keys, ...(index.Unique ? { unique: true } : {}) }
}

export function toCreateIndex(index: IndexSpec) {
  return {
    IndexName: index.name,
    MgoKeySchema: {
      MgoIndexKeys: Object.entries(index.keys).map(([Name, dir]) => ({ Name, Direction: String(dir) })),
      MgoIsUnique: !!index.unique,
    },
  }
}

const isNotFound = (err: unknown) =>
  /ResourceNotFound|not ?exist|不存在/i.test(`${(err as { code?: string }).code ?? ''} ${(err as Error).message ?? ''}`)

function timerConfigOf(desc: string): string {
  try {
    return String((JSON.parse(desc) as { cron?: string }).cron ?? desc)
  } catch {
    return desc
  }
}

export function cloudbaseTarget(envId: string, manager: Manager, cloud: MiniprogramCloud, buildDir = FUNCTIONS_BUILD_DIR): DeployTarget {
  async function readCollections(desired: EnvState): Promise<EnvState['collections']> {
    const names = new Set<string>()
    for (let offset = 0; ; offset += 100) {
      const page = await manager.database.listCollections({ MgoLimit: 100, MgoOffset: offset })
      page.Collections.forEach((c) => names.add(c.CollectionName))
      if (page.Collections.length === 0 || names.size >= page.Pager.Total) break
    }
    const out: EnvState['collections'] = []
    for (const c of desired.collections) {
      if (!names.has(c.name)) continue
      const info = await manager.database.describeCollection(c.name)
      out.push({ name: c.name, indexes: (info.Indexes ?? []).filter((i) => i.Name !== '_id_').map(toIndexSpec) })
    }
    return out
  }

  async function readPermissions(names: string[]): Promise<EnvState['permissions']> {
    const out: EnvState['permissions'] = {}
    for (let i = 0; i < names.length; i += DESCRIBE_BATCH) {
      const res = await manager.permission.describeResourcePermission({
        resourceType: 'collection',
        resources: names.slice(i, i + DESCRIBE_BATCH),
      })
      for (const p of res.PermissionList) if (p.Resource) out[p.Resource] = p.Permission as Permission
    }
    return out
  }

  async function readFunction(name: string): Promise<FunctionSpec | undefined> {
    try {
      const fn = await manager.functions.getFunctionDetail(name)
      const description = fn.Description ?? ''
      return {
        name,
        codeSha: description.startsWith(CODE_SHA_PREFIX) ? description.slice(CODE_SHA_PREFIX.length) : '',
        timeoutSec: fn.Timeout,
        runtime: fn.Runtime,
        triggers: (fn.Triggers ?? [])
          .filter((t) => t.Type === 'timer')
          .map((t) => ({ name: t.TriggerName, type: 'timer', config: timerConfigOf(t.TriggerDesc) })),
      }
    } catch (err) {
      if (isNotFound(err)) return undefined
      throw err
    }
  }

  return {
    label: `CloudBase ${envId}`,
    kinds: new Set(['collection', 'index', 'permission', 'storage', 'function', 'triggers']),
    async read(desired) {
      const collections = await readCollections(desired)
      const permissions = await readPermissions(collections.map((c) => c.name))
      const acl = await manager.storage.getStorageAcl({ withRule: true })
      const storage: StorageRule = acl.rule ? { acl: acl.acl, rule: acl.rule } : { acl: acl.acl }
      const functions: FunctionSpec[] = []
      for (const fn of desired.functions) {
        const have = await readFunction(fn.name)
        if (have) functions.push(have)
      }
      return { collections, permissions, storage, functions }
    },
    async apply(item: PlanItem) {
      switch (item.kind) {
        case 'collection':
          await manager.database.createCollection(item.name)
          return
        case 'index':
          if (item.action === 'change')
            await manager.database.updateCollection(item.collection, { DropIndexes: [{ IndexName: item.index.name }] })
          await manager.database.updateCollection(item.collection, { CreateIndexes: [toCreateIndex(item.index)] })
          return
        case 'permission':
          await manager.permission.modifyResourcePermission({
            resourceType: 'collection',
            resource: item.name,
            permission: item.permission,
          })
          return
        case 'storage':
          await manager.storage.setStorageAcl(item.rule.acl, item.rule.rule)
          return
        case 'function':
          if (item.action === 'create' || item.why.includes('code'))
            await cloud.uploadFunction({ env: envId, name: item.name, path: path.join(buildDir, item.name), remoteNpmInstall: true })
          // The code hash goes last: a run that failed before it uploads again next time.
          await manager.functions.updateFunctionConfig({
            name: item.name,
            timeout: item.fn.timeoutSec,
            description: `${CODE_SHA_PREFIX}${item.fn.codeSha}`,
            // The bundle's config.json env (a change of it changes the code hash, so it is applied here).
            ...(item.fn.envVariables ? { envVariables: item.fn.envVariables } : {}),
          })
          return
        case 'triggers':
          for (const stale of item.stale) await manager.functions.deleteFunctionTrigger(item.name, stale)
          if (item.triggers.length > 0) await cloud.createTimeTrigger({ envId, functionName: item.name, triggersConfig: item.triggers })
          return
      }
    },
  }
}
