import type { MemberPick } from '../../../cloudfunctions/src/contracts/identity'
import { newMember } from '../../../cloudfunctions/src/domain/identity'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'
import { startFunctions, type FunctionsHarness } from '../../support/functions'

let h: FunctionsHarness
const BOSS = 'o-boss-0001'
const LELE = 'o-lele-0002'
const LEGACY = 'o-legacy-0003'

const search = (query: string, openid = BOSS) => h.call<{ items: MemberPick[] }>('identity', { action: 'searchMembers', query }, openid)
const grant = (member: string, role: string, on: boolean, openid = BOSS) =>
  h.call<MemberPick>('identity', { action: 'grantRole', member, role, grant: on }, openid)
const rolesOf = async (openid: string) => ((await h.emu.db.find('members', { _id: openid })) as { roles: string[] }[])[0].roles

beforeAll(async () => {
  h = await startFunctions()
  await h.member(BOSS, ['admin'], { nickname: '运营小王' })
  await h.member(LELE, [], { nickname: '乐乐妈妈' })
  await h.member('o-other-0004', [], { nickname: '豆豆爸爸' })
  // A record written before members stored their public id.
  const { publicId: _p, ...legacy } = { ...newMember(LEGACY, 1), nickname: '老学员乐乐' }
  void _p
  await h.emu.db.insert('members', [legacy])
  await h.emu.db.insert('class_signups', [{ _id: `cls1:${LELE}`, classId: 'cls1', memberId: LELE, phone: '13800138123', createdAt: 1 }])
})
afterAll(() => h.close())

describe('member directory (operators pick members by name, never by openid)', () => {
  it('should find members by part of the nickname and answer names and handles only', async () => {
    const res = await search('乐乐')
    expect(res.code).toBe(0)
    const items = res.code === 0 ? res.data.items : []
    expect(items.map((i) => i.nickname).sort()).toEqual(['乐乐妈妈', '老学员乐乐'])
    expect(items.find((i) => i.nickname === '乐乐妈妈')?.handle).toBe(publicIdOf(LELE))
    const text = JSON.stringify(res)
    for (const openid of [BOSS, LELE, LEGACY]) expect(text).not.toContain(openid)
  })

  it('should find a member by the last digits of a free-class phone number and show only the tail', async () => {
    const res = await search('8123')
    expect(res).toMatchObject({ code: 0, data: { items: [{ nickname: '乐乐妈妈', phoneTail: '8123' }] } })
    expect(JSON.stringify(res)).not.toContain('13800138123')
  })

  it('should treat the query as text, not as a pattern', async () => {
    expect(await search('.*')).toMatchObject({ code: 0, data: { items: [] } })
  })

  it('should let only admins search, and refuse an empty query', async () => {
    expect((await search('乐乐', LELE)).code).toBe('AUTH.FORBIDDEN')
    expect((await search('  ')).code).toBe('REQUEST.INVALID')
  })

  it('should grant a role by handle once, and answer the same to a repeat without writing again', async () => {
    const first = await grant(publicIdOf(LELE), 'teacher', true)
    expect(first).toMatchObject({
      code: 0,
      data: { nickname: '乐乐妈妈', roles: [{ value: 'member' }, { value: 'teacher', label: '老师' }] },
    })
    const [before] = (await h.emu.db.find('members', { _id: LELE })) as { updatedAt: number }[]
    h.emu.clock.advance(60_000)
    expect(await grant(publicIdOf(LELE), 'teacher', true)).toEqual(first)
    const [after] = (await h.emu.db.find('members', { _id: LELE })) as { updatedAt: number }[]
    expect(after.updatedAt).toBe(before.updatedAt)
    expect(await rolesOf(LELE)).toEqual(['member', 'teacher'])
  })

  it('should resolve the handle of a record that predates stored public ids once a search has shown it', async () => {
    await search('老学员')
    expect((await grant(publicIdOf(LEGACY), 'teacher', true)).code).toBe(0)
    expect(await rolesOf(LEGACY)).toEqual(['member', 'teacher'])
  })

  it('should list staff, revoke a role, and refuse revoking your own admin role', async () => {
    const staff = await h.ok<{ items: MemberPick[] }>('identity', { action: 'staff' }, BOSS)
    expect(staff.items.map((i) => i.nickname).sort()).toEqual(['乐乐妈妈', '老学员乐乐', '运营小王'].sort())
    expect((await grant(publicIdOf(LEGACY), 'teacher', false)).code).toBe(0)
    expect(await rolesOf(LEGACY)).toEqual(['member'])
    expect((await grant(publicIdOf(BOSS), 'admin', false)).code).toBe('MEMBER.SELF_REVOKE')
    expect(await rolesOf(BOSS)).toEqual(['member', 'admin'])
  })

  it('should refuse an unknown handle, an openid and a member granting themselves a role', async () => {
    expect((await grant(publicIdOf('nobody'), 'teacher', true)).code).toBe('MEMBER.NOT_FOUND')
    expect((await grant(LELE, 'teacher', true)).code).toBe('REQUEST.INVALID')
    expect((await grant(publicIdOf('o-other-0004'), 'admin', true, 'o-other-0004')).code).toBe('AUTH.FORBIDDEN')
    expect(await rolesOf('o-other-0004')).toEqual(['member'])
  })
})
