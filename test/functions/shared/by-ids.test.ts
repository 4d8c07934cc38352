import { byIds } from '../../../cloudfunctions/src/shared/db'
import { startFunctions, type FunctionsHarness } from '../../support/functions'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
})
afterAll(() => h.close())

describe('byIds', () => {
  it('should answer every one of 2,500 ids, past the 1,000 documents one get() may answer', async () => {
    const docs = Array.from({ length: 2_500 }, (_, i) => ({ _id: `by-ids-${i}`, n: i }))
    await h.emu.db.insert('sys_meta', docs)
    const wanted = [...docs.map((d) => d._id), 'by-ids-missing', 'by-ids-7']
    const found = await byIds<{ _id: string; n: number }>('sys_meta', wanted)
    expect(found.size).toBe(2_500)
    expect(found.get('by-ids-2499')).toEqual({ _id: 'by-ids-2499', n: 2499 })
    expect(found.has('by-ids-missing')).toBe(false)
  })

  it('should make no request for no ids', async () => {
    h.emu.requests.reset()
    h.emu.requests.counting = true
    expect((await byIds('sys_meta', [])).size).toBe(0)
    h.emu.requests.counting = false
    expect(h.emu.requests.database()).toBe(0)
  })
})
