/** The plan: every resource of the desired state, and whether to create it, change it or leave it. Pure. */
import type { IndexSpec } from '../../cloudfunctions/src/schema/collections'
import { FUNCTION_RUNTIME, type EnvState, type FunctionSpec, type Permission, type StorageRule, type TriggerSpec } from './desired-state'

export type Action = 'create' | 'change' | 'leave'

export type PlanItem =
  | { kind: 'collection'; name: string; action: Action }
  | { kind: 'index'; name: string; action: Action; collection: string; index: IndexSpec }
  | { kind: 'permission'; name: string; action: Action; permission: Permission; was?: Permission }
  | { kind: 'storage'; name: string; action: Action; rule: StorageRule }
  | { kind: 'function'; name: string; action: Action; fn: FunctionSpec; why: string[] }
  | { kind: 'triggers'; name: string; action: Action; triggers: TriggerSpec[]; stale: string[] }

/** `Nodejs16.13` → [16, 13]; the bundles target Node 16, so an older runtime must be recreated by hand. */
const runtimeVersion = (runtime: string): number[] => (/^Nodejs([\d.]+)/i.exec(runtime)?.[1] ?? '0').split('.').map(Number)
export function runtimeTooOld(runtime: string | undefined): boolean {
  if (runtime === undefined) return false
  const [major, minor = 0] = runtimeVersion(runtime)
  const [wantMajor, wantMinor = 0] = runtimeVersion(FUNCTION_RUNTIME)
  return major < wantMajor || (major === wantMajor && minor < wantMinor)
}

const sameIndex = (a: IndexSpec, b: IndexSpec) =>
  JSON.stringify(Object.entries(a.keys)) === JSON.stringify(Object.entries(b.keys)) && !!a.unique === !!b.unique
const sameTriggers = (a: TriggerSpec[], b: TriggerSpec[]) =>
  JSON.stringify(a.map((t) => [t.name, t.config])) === JSON.stringify(b.map((t) => [t.name, t.config]))

export function plan(desired: EnvState, current: EnvState): PlanItem[] {
  const items: PlanItem[] = []
  const currentCollections = new Map(current.collections.map((c) => [c.name, c]))
  for (const c of desired.collections) {
    const have = currentCollections.get(c.name)
    items.push({ kind: 'collection', name: c.name, action: have ? 'leave' : 'create' })
    for (const index of c.indexes) {
      const existing = have?.indexes.find((i) => i.name === index.name)
      const action: Action = !existing ? 'create' : sameIndex(existing, index) ? 'leave' : 'change'
      items.push({ kind: 'index', name: `${c.name}.${index.name}`, action, collection: c.name, index })
    }
    const permission = desired.permissions[c.name]
    if (permission) {
      const was = current.permissions[c.name]
      items.push({ kind: 'permission', name: c.name, action: !was ? 'create' : was === permission ? 'leave' : 'change', permission, was })
    }
  }
  if (desired.storage) {
    const same = JSON.stringify(current.storage) === JSON.stringify(desired.storage)
    items.push({
      kind: 'storage',
      name: 'storage rule',
      action: !current.storage ? 'create' : same ? 'leave' : 'change',
      rule: desired.storage,
    })
  }
  const currentFunctions = new Map(current.functions.map((f) => [f.name, f]))
  for (const fn of desired.functions) {
    const have = currentFunctions.get(fn.name)
    const why = !have
      ? []
      : [
          ...(have.codeSha !== fn.codeSha ? ['code'] : []),
          ...(have.timeoutSec !== fn.timeoutSec ? [`timeout ${have.timeoutSec}s → ${fn.timeoutSec}s`] : []),
          ...(runtimeTooOld(have.runtime) ? [`runtime ${have.runtime} < ${FUNCTION_RUNTIME}: delete and recreate the function`] : []),
        ]
    items.push({ kind: 'function', name: fn.name, action: !have ? 'create' : why.length ? 'change' : 'leave', fn, why })
    const haveTriggers = have?.triggers ?? []
    if (fn.triggers.length === 0 && haveTriggers.length === 0) continue
    // A trigger whose schedule changed is removed and created again under its name.
    const stale = haveTriggers.filter((t) => !fn.triggers.some((d) => d.name === t.name && d.config === t.config)).map((t) => t.name)
    const action: Action = haveTriggers.length === 0 ? 'create' : sameTriggers(haveTriggers, fn.triggers) ? 'leave' : 'change'
    items.push({ kind: 'triggers', name: fn.name, action, triggers: fn.triggers, stale })
  }
  return items
}

export const pending = (items: readonly PlanItem[]) => items.filter((i) => i.action !== 'leave')

const SYMBOL: Record<Action, string> = { create: '+', change: '~', leave: '=' }

function describe(item: PlanItem): string {
  switch (item.kind) {
    case 'index':
      return `index ${item.name} ${JSON.stringify(item.index.keys)}${item.index.unique ? ' unique' : ''}`
    case 'permission':
      return `db permission ${item.name}: ${item.was ? `${item.was} → ` : ''}${item.permission}`
    case 'storage':
      return `storage rule ${item.rule.acl}`
    case 'function':
      return `function ${item.name}${item.why.length ? ` (${item.why.join(', ')})` : ''}`
    case 'triggers':
      return `triggers of ${item.name}: ${item.triggers.map((t) => `${t.name} "${t.config}"`).join(', ') || 'none'}${item.stale.length ? `; remove ${item.stale.join(', ')}` : ''}`
    default:
      return `collection ${item.name}`
  }
}

/** One line per resource that changes, then the totals. */
export function formatPlan(items: readonly PlanItem[]): string {
  const count = (a: Action) => items.filter((i) => i.action === a).length
  const lines = pending(items).map((i) => `  ${SYMBOL[i.action]} ${describe(i)}`)
  return [...lines, `plan: ${count('create')} to create, ${count('change')} to change, ${count('leave')} to leave`].join('\n')
}
