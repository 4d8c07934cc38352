/**
 * In a cloud function, `aggregate()…end()` without a `limit` stage answers at most 20 documents: several independent
 * community reports (developers.weixin.qq.com, CSDN); the reference docs are silent (platform-facts.md, "Aggregate
 * default limit"). The emulator applies the same 20 so a pipeline that forgot its limit loses rows in tests too.
 */
import { startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk'

interface Chain {
  match(q: object): Chain
  group(g: object): Chain
  sort(s: object): Chain
  limit(n: number): Chain
  end(): Promise<{ list: unknown[] }>
}

let emu: EmulatorSdk
const rows = () => (emu.database().collection('many') as unknown as { aggregate(): Chain }).aggregate()

beforeAll(async () => {
  emu = await startEmulatorSdk({ extraCollections: [{ name: 'many', indexes: [] }] })
  await emu.db.insert(
    'many',
    Array.from({ length: 45 }, (_, i) => ({ _id: `r${String(i).padStart(2, '0')}`, day: `d${i % 30}` })),
  )
})
afterAll(() => emu.close())

describe('aggregate without a limit stage', () => {
  it('should answer at most 20 documents', async () => {
    const res = await rows().match({}).end()

    expect(res.list).toHaveLength(20)
  })

  it('should answer at most 20 groups of a $group', async () => {
    const res = await rows().group({ _id: '$day' }).end()

    expect(res.list).toHaveLength(20)
  })

  it('should answer as many as an explicit limit asks for', async () => {
    const res = await rows().match({}).limit(45).end()

    expect(res.list).toHaveLength(45)
  })

  it('should keep every group when the pipeline ends with a limit', async () => {
    const res = await rows().group({ _id: '$day' }).sort({ _id: 1 }).limit(1000).end()

    expect(res.list).toHaveLength(30)
  })
})
