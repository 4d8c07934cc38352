import type { MemberPick, MeView } from '../../../cloudfunctions/src/contracts/identity'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'
import { startFunctions, type FunctionsHarness } from '../../support/functions'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member('boss', ['member', 'admin'])
})
afterAll(() => h.close())

describe('identity function', () => {
  it('should create the member on first open from the WeChat identity and record first-touch attribution once', async () => {
    const first = await h.ok<MeView>('identity', { action: 'open', channel: 'poster', posterCode: 'P7K2' }, 'newbie')
    expect(first).toMatchObject({ openid: 'newbie', roleCodes: ['member'], isAdmin: false, profileIncomplete: true })
    await h.ok('identity', { action: 'open', channel: 'search' }, 'newbie')
    // A later scan of someone else's poster never moves the first touch.
    await h.ok('identity', { action: 'open', channel: 'poster', posterCode: 'Q9X3' }, 'newbie')
    const [doc] = (await h.emu.db.find('members', { _id: 'newbie' })) as { firstChannel: string; firstPosterCode: string }[]
    expect(doc).toMatchObject({ firstChannel: 'poster', firstPosterCode: 'P7K2' })
    expect(await h.emu.db.count('events', { type: 'first_open', memberId: 'newbie' })).toBe(1)
  })

  it('should answer me with the roles stored server-side', async () => {
    expect(await h.ok<MeView>('identity', { action: 'me' }, 'boss')).toMatchObject({ openid: 'boss', isAdmin: true })
  })

  it('should ignore identity claims in the request', async () => {
    expect((await h.call('identity', { action: 'me', openid: 'boss' }, 'newbie')).code).toBe('REQUEST.INVALID')
  })

  it('should let only admins grant roles', async () => {
    const member = publicIdOf('newbie')
    expect((await h.call('identity', { action: 'grantRole', member, role: 'admin', grant: true }, 'newbie')).code).toBe('AUTH.FORBIDDEN')
    const granted = await h.ok<MemberPick>('identity', { action: 'grantRole', member, role: 'teacher', grant: true }, 'boss')
    expect(granted.roles.map((r) => r.value)).toEqual(['member', 'teacher'])
    expect((await h.ok<MeView>('identity', { action: 'me' }, 'newbie')).isTeacher).toBe(true)
  })

  it('should validate profile updates and refuse someone else’s avatar file', async () => {
    expect(
      (await h.call('identity', { action: 'updateProfile', nickname: '一二三四五六七八九十一二三四五六七八九十一' }, 'newbie')).code,
    ).toBe('REQUEST.INVALID')
    const foreign = 'cloud://local-dev.bucket/avatars/boss/a.png'
    expect((await h.call('identity', { action: 'updateProfile', avatarFileId: foreign }, 'newbie')).code).toBe('MEMBER.FOREIGN_FILE')
    const ok = await h.ok<MeView>('identity', { action: 'updateProfile', nickname: '乐乐妈妈', grade: 'g3' }, 'newbie')
    expect(ok).toMatchObject({ nickname: '乐乐妈妈', grade: { value: 'g3' } })
  })
})
