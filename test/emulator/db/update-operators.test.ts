import { startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk'

let emu: EmulatorSdk
const _ = () => emu.database().command

beforeAll(async () => {
  emu = await startEmulatorSdk({ extraCollections: [{ name: 'ops', indexes: [] }] })
})
afterAll(() => emu.close())

async function updated(start: object, data: () => object): Promise<object> {
  const [id] = await emu.db.insert('ops', [start])
  await emu.database().collection('ops').doc(id).update({ data: data() })
  const { data: doc } = await emu.database().collection('ops').doc(id).get()
  const { _id, ...rest } = doc as { _id: string }
  return rest
}

describe('update operators through the real SDK', () => {
  it.each([
    ['inc', { n: 1 }, () => ({ n: _().inc(2) }), { n: 3 }],
    ['mul', { n: 3 }, () => ({ n: _().mul(4) }), { n: 12 }],
    ['min', { n: 3 }, () => ({ n: _().min(1) }), { n: 1 }],
    ['max', { n: 3 }, () => ({ n: _().max(9) }), { n: 9 }],
    ['set replaces an object', { o: { a: 1, b: 2 } }, () => ({ o: _().set({ c: 3 }) }), { o: { c: 3 } }],
    ['remove', { a: 1, b: 2 }, () => ({ b: _().remove() }), { a: 1 }],
    ['rename', { a: 1 }, () => ({ a: _().rename('z') }), { z: 1 }],
    ['push', { arr: [1] }, () => ({ arr: _().push([2, 3]) }), { arr: [1, 2, 3] }],
    ['push with position', { arr: [1, 2] }, () => ({ arr: _().push({ each: [9], position: 1 }) }), { arr: [1, 9, 2] }],
    ['pull', { arr: [1, 2, 1] }, () => ({ arr: _().pull(1) }), { arr: [2] }],
    ['pull with a condition', { arr: [1, 5, 9] }, () => ({ arr: _().pull(_().gt(4)) }), { arr: [1] }],
    ['addToSet', { arr: [1] }, () => ({ arr: _().addToSet(1) }), { arr: [1] }],
    ['addToSet with $each (the documented form)', { arr: [1] }, () => ({ arr: _().addToSet({ $each: [1, 2] }) }), { arr: [1, 2] }],
    ['pop', { arr: [1, 2] }, () => ({ arr: _().pop() }), { arr: [1] }],
    ['shift', { arr: [1, 2] }, () => ({ arr: _().shift() }), { arr: [2] }],
    ['unshift', { arr: [2] }, () => ({ arr: _().unshift([1]) }), { arr: [1, 2] }],
    ['inc on a nested path', { s: { n: 1 } }, () => ({ s: { n: _().inc(1) } }), { s: { n: 2 } }],
  ])('should apply %s', async (_name, start, data, expected) => {
    expect(await updated(start, data)).toEqual(expected)
  })

  it('should report updated 0 when nothing changes', async () => {
    const [id] = await emu.db.insert('ops', [{ a: 1 }])
    const res = await emu
      .database()
      .collection('ops')
      .doc(id)
      .update({ data: { a: 1 } })
    expect(res.stats.updated).toBe(0)
  })
})
