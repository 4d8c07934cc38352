/**
 * Local mode applies the storage rules production would (local/dev/file-access.ts): CloudBase evaluates storage
 * security rules for client requests only — "安全规则仅对前端(小程序端)访问生效，管理端(云函数、云控制台)始终拥有所有读写
 * 权限" and write covers "上传/覆盖文件，删除文件" (developers.weixin.qq.com …/guide/storage/security-rules) — so the H5
 * client's `/__local/upload` and `/__local/files` are checked, the SDK's storage actions are not.
 */
import { createAppEmulator as createEmulator, type AppEmulator as Emulator } from '../../local'
import { newMember } from '../../cloudfunctions/src/domain/identity'

let emu: Emulator
let lockedFile: string
let cover: string

beforeAll(async () => {
  emu = await createEmulator()
  const now = emu.clock.now()
  await emu.db.insert('members', [
    { ...newMember('dev-admin', now), roles: ['member', 'admin'] },
    { ...newMember('dev-teacher-01', now), roles: ['member', 'teacher'] },
    newMember('dev-member-01', now),
    newMember('dev-member-02', now),
  ])
  lockedFile = await emu.storage.put('materials/k1-abc/奥数真题.pdf', Buffer.from('%PDF locked answers'))
  cover = await emu.storage.put('materials/k1-abc/cover.png', Buffer.from('cover'))
  await emu.db.insert('materials', [{ _id: 'mat-1', cover, files: [{ fileId: lockedFile, name: '奥数真题.pdf', kind: 'pdf', size: 19 }] }])
})
afterAll(() => emu.close())

const read = (fileID: string, as?: string) =>
  fetch(`${emu.url}/__local/files?fileID=${encodeURIComponent(fileID)}${as ? `&as=${as}` : ''}`, { redirect: 'manual' })
const upload = (persona: string, cloudPath: string, body = 'bytes') =>
  fetch(`${emu.url}/__local/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'x-dev-openid': persona, 'content-type': 'application/octet-stream' },
    body,
  })

describe('GET /__local/files', () => {
  it('should refuse a material’s file to members and strangers, whatever its unlock rule', async () => {
    expect((await read(lockedFile, 'dev-member-01')).status).toBe(403)
    expect((await read(lockedFile)).status).toBe(403)
  })

  it('should serve a material’s file to staff and its cover to anyone', async () => {
    expect((await read(lockedFile, 'dev-admin')).status).toBe(302)
    expect((await read(cover, 'dev-member-01')).status).toBe(302)
    expect((await read(cover)).status).toBe(302)
  })

  it('should serve a file that is also the material’s cover to anyone', async () => {
    const picture = await emu.storage.put('materials/k3/思维导图.png', Buffer.from('png'))
    await emu.db.insert('materials', [
      { _id: 'mat-3', cover: picture, files: [{ fileId: picture, name: '思维导图.png', kind: 'image', size: 3 }] },
    ])
    expect((await read(picture, 'dev-member-01')).status).toBe(302)
  })

  it('should serve an analytics export to staff only', async () => {
    const csv = await emu.storage.put('analytics-exports/p1-2026-03-02.csv', Buffer.from('openid,phone'))
    expect((await read(csv, 'dev-member-01')).status).toBe(403)
    expect((await read(csv, 'dev-teacher-01')).status).toBe(302)
  })

  it('should serve a member’s original upload to them only; others are shown the sealed copy', async () => {
    const original = await emu.storage.put('checkins/dev-member-01/p1/a.jpg', Buffer.from('draft'))
    const sealed = await emu.storage.put(`sealed/dev-member-01/${'c'.repeat(64)}.jpg`, Buffer.from('draft'))
    expect((await read(original, 'dev-member-01')).status).toBe(302)
    expect((await read(original, 'dev-member-02')).status).toBe(403)
    expect((await read(sealed, 'dev-member-02')).status).toBe(302)
  })
})

describe('POST /__local/upload', () => {
  it.each([
    ['a material file', 'dev-member-01', 'materials/k1-abc/奥数真题.pdf'],
    ['a new file among the materials', 'dev-member-01', 'materials/new-1/x.pdf'],
    ['another member’s check-in folder', 'dev-member-01', 'checkins/dev-member-02/p1/x.jpg'],
    ['another member’s avatar folder', 'dev-member-01', 'avatars/dev-member-02/x.png'],
    ['the sealed copies', 'dev-member-01', `sealed/dev-member-01/${'d'.repeat(64)}.jpg`],
    ['a voice review folder, as a member', 'dev-member-01', 'reviews/dev-member-01/p1/v.mp3'],
    ['an existing material file, as an admin', 'dev-admin', 'materials/k1-abc/奥数真题.pdf'],
    ['a folder the product never uploads to', 'dev-admin', 'exports/all-members.csv'],
  ])('should refuse %s and write nothing', async (_name, persona, cloudPath) => {
    const before = await emu.storage.get(`cloud://local-dev.6c6f-local-dev-1250000000/${cloudPath}`)
    const res = await upload(persona, cloudPath, 'swapped bytes')
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ code: 'STORAGE.FORBIDDEN' })
    expect(await emu.storage.get(`cloud://local-dev.6c6f-local-dev-1250000000/${cloudPath}`)).toEqual(before)
  })

  it.each([
    ['their own check-in folder', 'dev-member-01', 'checkins/dev-member-01/p1/1.jpg'],
    ['their own avatar folder', 'dev-member-01', 'avatars/dev-member-01/1.png'],
    ['their own voice review folder, as a teacher', 'dev-teacher-01', 'reviews/dev-teacher-01/p1/v.mp3'],
    ['a new material file, as an admin', 'dev-admin', 'materials/k2-def/讲义.pdf'],
    ['a camp cover, as an admin', 'dev-admin', 'camp-covers/c1.png'],
  ])('should accept %s', async (_name, persona, cloudPath) => {
    const res = await upload(persona, cloudPath, 'fresh bytes')
    expect(res.status).toBe(200)
    const { fileID } = (await res.json()) as { fileID: string }
    expect((await emu.storage.get(fileID))?.toString()).toBe('fresh bytes')
  })
})
