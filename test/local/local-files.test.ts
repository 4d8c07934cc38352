import { createAppEmulator as createEmulator, type AppEmulator as Emulator } from '../../local'

let emu: Emulator

beforeAll(async () => {
  emu = await createEmulator()
})
afterAll(() => emu.close())

const filesUrl = (fileID: string) => `${emu.url}/__local/files?fileID=${encodeURIComponent(fileID)}`

describe('GET /__local/files (what H5 <Image> and <Audio> load)', () => {
  it('should redirect to the file, also when its name is Chinese', async () => {
    const bytes = Buffer.from('声母卡片')
    const fileID = await emu.storage.put('materials/pinyin/声母 卡片.png', bytes)

    const res = await fetch(filesUrl(fileID))

    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes)
  })

  it('should answer 404 for a file that does not exist', async () => {
    const res = await fetch(filesUrl('cloud://local-dev.6c6f-local-dev-1250000000/nope.png'))

    expect(res.status).toBe(404)
  })
})
