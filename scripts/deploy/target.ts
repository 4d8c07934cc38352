/** Where a plan is applied: a CloudBase environment, or the local emulator's database. */
import type { EnvState } from './desired-state'
import { pending, type PlanItem } from './plan'

export interface DeployTarget {
  readonly label: string
  /** The resource kinds this target has; the plan leaves out the rest. */
  readonly kinds: ReadonlySet<PlanItem['kind']>
  read(desired: EnvState): Promise<EnvState>
  apply(item: PlanItem): Promise<void>
}

/** Applies the pending items in order and stops at the first failure; rerunning replans from what was done. */
export async function applyPlan(
  target: DeployTarget,
  items: readonly PlanItem[],
  log: (line: string) => void = () => undefined,
): Promise<number> {
  let applied = 0
  for (const item of pending(items)) {
    await target.apply(item)
    applied++
    log(`  done ${item.action} ${item.kind} ${item.name}`)
  }
  return applied
}

/** Keeps only what the target manages, so a local run does not plan functions or permissions it cannot set. */
export function restrictTo(state: EnvState, kinds: ReadonlySet<PlanItem['kind']>): EnvState {
  return {
    collections: kinds.has('collection') ? state.collections : [],
    permissions: kinds.has('permission') ? state.permissions : {},
    storage: kinds.has('storage') ? state.storage : undefined,
    functions: kinds.has('function') ? state.functions : [],
  }
}
