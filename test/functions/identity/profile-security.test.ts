/**
 * What other members see of someone passes content security: the nickname through msgSecCheck (the emulator's word
 * list makes '赌博' risky), the avatar through a strict own-upload rule, an existence check, a sealed copy and a media
 * check — others keep seeing the previous avatar until the new one passed.
 */
import type { MeView } from '../../../cloudfunctions/src/contracts/identity'
import { fileIdOf } from '../../../emulator/storage'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member('victim')
})
afterAll(() => h.close())

const update = (openid: string, patch: Record<string, unknown>) => h.call<MeView>('identity', { action: 'updateProfile', ...patch }, openid)
const stored = async (openid: string) =>
  ((await h.emu.db.find('members', { _id: openid })) as { nickname: string; avatarFileId: string; pendingAvatar?: unknown }[])[0]
const ENV = 'local-dev'

describe('nicknames', () => {
  it.each(['赌博大王', '待审核词小王'])('should refuse the nickname %s and keep the old one', async (nickname) => {
    await h.member(`nick-${nickname.length}-${nickname.charCodeAt(0)}`, [], { nickname: '乐乐妈妈' })
    const who = `nick-${nickname.length}-${nickname.charCodeAt(0)}`
    expect(await update(who, { nickname })).toMatchObject({ code: 'MEMBER.NICKNAME_RISKY', message: '昵称未通过内容安全检查，请换一个' })
    expect((await stored(who)).nickname).toBe('乐乐妈妈')
  })

  it('should store nothing when the check itself fails', async () => {
    await h.member('nick-fail', [], { nickname: '旧昵称' })
    h.emu.faults.failNext({ action: 'wx.openApi', code: 'SYS_ERR', message: 'injected open api failure' })
    expect((await update('nick-fail', { nickname: '新昵称', grade: 'g2' })).code).toBe('SYS.BUSY')
    expect(await stored('nick-fail')).toMatchObject({ nickname: '旧昵称', grade: null })
  })

  it('should store a nickname that passes', async () => {
    await h.member('nick-ok')
    expect(await update('nick-ok', { nickname: '小明爸爸' })).toMatchObject({ code: 0, data: { nickname: '小明爸爸' } })
    expect((await stored('nick-ok')).nickname).toBe('小明爸爸')
  })
})

describe('avatars', () => {
  it.each([
    ['another member’s path with a query suffix', () => `${fileIdOf(ENV, 'avatars/victim/a.png')}?/avatars/attacker/`],
    ['.. traversal into materials', () => fileIdOf(ENV, 'avatars/attacker/../../materials/locked/answers.pdf')],
    ['another environment’s fileID', () => fileIdOf('other-env', 'avatars/attacker/a.png')],
    ['an avatars folder under materials', () => fileIdOf(ENV, 'materials/avatars/attacker/a.png')],
    ['another member’s sealed copy', () => fileIdOf(ENV, `sealed/${publicIdOf('victim')}/${'a'.repeat(64)}.png`)],
  ])('should refuse %s', async (_name, fileId) => {
    if ((await h.emu.db.count('members', { _id: 'attacker' })) === 0) await h.member('attacker')
    await h.emu.storage.put('avatars/victim/a.png', Buffer.from('victim avatar'))
    await h.emu.storage.put('materials/avatars/attacker/a.png', Buffer.from('a locked material'))
    expect((await update('attacker', { avatarFileId: fileId() })).code).toBe('MEMBER.FOREIGN_FILE')
    expect(await stored('attacker')).toMatchObject({ avatarFileId: '' })
  })

  it('should refuse an own path where nothing was uploaded', async () => {
    await h.member('ghost')
    expect((await update('ghost', { avatarFileId: fileIdOf(ENV, 'avatars/ghost/none.png') })).code).toBe('MEMBER.FILE_MISSING')
  })

  it('should show a new avatar to others only after its media check passed, as a sealed copy', async () => {
    await h.member('painter', [], { avatarFileId: 'cloud://old-avatar' })
    const upload = await h.emu.storage.put('avatars/painter/1.png', Buffer.from('my face'))
    const res = await update('painter', { avatarFileId: upload })
    expect(res).toMatchObject({ code: 0, data: { avatarPending: true } })
    const mine = res.code === 0 ? res.data.avatarFileId : ''
    expect(mine).toContain(`/sealed/${publicIdOf('painter')}/`)
    expect((await stored('painter')).avatarFileId).toBe('cloud://old-avatar')
    await h.emu.openapi.deliverPendingMediaChecks()
    expect(await stored('painter')).toMatchObject({ avatarFileId: mine, pendingAvatar: null })
    // Overwriting the upload afterwards changes nothing others see.
    await h.emu.storage.put('avatars/painter/1.png', Buffer.from('risky picture'))
    expect((await h.emu.storage.get(mine))?.toString()).toBe('my face')
  })

  it('should never show an avatar whose media check finds it risky', async () => {
    await h.member('provoker', [], { avatarFileId: 'cloud://old-avatar' })
    const upload = await h.emu.storage.put('avatars/provoker/2.png', Buffer.from('risky picture'))
    expect((await update('provoker', { avatarFileId: upload })).code).toBe(0)
    await h.emu.openapi.deliverPendingMediaChecks()
    expect(await stored('provoker')).toMatchObject({ avatarFileId: 'cloud://old-avatar', pendingAvatar: null })
  })
})
