/** `--env local`: the emulator's database gets the same collections and indexes (it runs bundles straight from the build). */
import type { LocalDatabase } from '../../emulator/db/local-database'
import type { EnvState } from './desired-state'
import type { PlanItem } from './plan'
import type { DeployTarget } from './target'

export function localTarget(db: LocalDatabase): DeployTarget {
  return {
    label: 'local emulator',
    kinds: new Set(['collection', 'index']),
    async read(): Promise<EnvState> {
      return { collections: db.schema(), permissions: {}, functions: [] }
    },
    async apply(item: PlanItem): Promise<void> {
      if (item.kind === 'collection') await db.migrate([{ name: item.name, indexes: [] }])
      else if (item.kind === 'index') {
        if (item.action === 'change')
          throw new Error(`index ${item.name} differs from the manifest; the emulator cannot change an index in place`)
        await db.migrate([{ name: item.collection, indexes: [item.index] }])
      } else throw new Error(`the emulator has no ${item.kind}`)
    },
  }
}
