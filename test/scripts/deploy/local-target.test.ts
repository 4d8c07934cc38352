import { EmulatorClock } from '../../../emulator/core/clock'
import { LocalDatabase } from '../../../emulator/db/local-database'
import { COLLECTIONS } from '../../../cloudfunctions/src/schema/collections'
import { desiredState } from '../../../scripts/deploy/desired-state'
import { localTarget } from '../../../scripts/deploy/local-target'
import { pending, plan } from '../../../scripts/deploy/plan'
import { applyPlan, restrictTo } from '../../../scripts/deploy/target'

describe('deploy --env local', () => {
  let db: LocalDatabase
  beforeEach(async () => {
    db = await LocalDatabase.open({ clock: new EmulatorClock() })
  })
  afterEach(() => db.close())

  const replan = async () => {
    const target = localTarget(db)
    const desired = restrictTo(desiredState(), target.kinds)
    return { target, items: plan(desired, restrictTo(await target.read(desired), target.kinds)) }
  }

  it('should create the manifest’s collections and indexes in the emulator, then plan nothing on a second run', async () => {
    const first = await replan()
    expect(pending(first.items).length).toBe(COLLECTIONS.length + COLLECTIONS.reduce((n, c) => n + c.indexes.length, 0))
    expect(first.items.some((i) => i.kind === 'function' || i.kind === 'permission')).toBe(false)
    await applyPlan(first.target, first.items)
    expect(
      db
        .schema()
        .map((c) => c.name)
        .sort(),
    ).toEqual(COLLECTIONS.map((c) => c.name).sort())
    expect(pending((await replan()).items)).toEqual([])
  })

  it('should add only what is missing to a partly migrated emulator', async () => {
    const [first, ...rest] = COLLECTIONS
    await db.migrate([first])
    const { items } = await replan()
    expect(items.filter((i) => i.name === first.name || i.name.startsWith(`${first.name}.`)).every((i) => i.action === 'leave')).toBe(true)
    expect(pending(items).filter((i) => i.kind === 'collection')).toHaveLength(rest.length)
  })
})
