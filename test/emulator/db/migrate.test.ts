import { EmulatorClock } from '../../../emulator/core/clock'
import { LocalDatabase, validateCollections, type CollectionSpec } from '../../../emulator/db'
import { COLLECTIONS } from '../../../cloudfunctions/src/schema/collections'

const open = () => LocalDatabase.open({ clock: new EmulatorClock() })

describe('collection manifest and migrate', () => {
  it('should hold a valid manifest including the members collection', () => {
    expect(validateCollections(COLLECTIONS)).toEqual([])
    expect(COLLECTIONS.map((c) => c.name)).toContain('members')
  })

  it('should create missing collections and indexes, then do nothing the second time', async () => {
    const db = await open()
    const specs: CollectionSpec[] = [{ name: 'orders', indexes: [{ name: 'no_unique', keys: { no: 1 }, unique: true }] }]
    expect(await db.migrate(specs)).toEqual({ created: ['orders'], indexesCreated: ['orders.no_unique'] })
    expect(await db.migrate(specs)).toEqual({ created: [], indexesCreated: [] })
    await db.close()
  })

  it('should add an index to an existing collection', async () => {
    const db = await open()
    await db.migrate([{ name: 'orders', indexes: [] }])
    const out = await db.migrate([{ name: 'orders', indexes: [{ name: 'by_user', keys: { user: 1, at: -1 } }] }])
    expect(out).toEqual({ created: [], indexesCreated: ['orders.by_user'] })
    await db.close()
  })

  it('should refuse more than 20 indexes on a collection', async () => {
    const db = await open()
    const indexes = Array.from({ length: 21 }, (_v, i) => ({ name: `i${i}`, keys: { [`f${i}`]: 1 as const } }))
    await expect(db.migrate([{ name: 'wide', indexes }])).rejects.toThrow(/21 indexes/)
    await db.close()
  })

  it('should refuse a unique index over existing duplicates and create nothing', async () => {
    const db = await open()
    await db.migrate([{ name: 'users', indexes: [] }])
    await db.insert('users', [{ phone: '1' }, { phone: '1' }])
    await expect(
      db.migrate([{ name: 'users', indexes: [{ name: 'phone_unique', keys: { phone: 1 }, unique: true }] }]),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
    })
    await expect(db.insert('users', [{ phone: '1' }])).resolves.toHaveLength(1)
    await db.close()
  })
})
