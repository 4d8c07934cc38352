import { ATTRIBUTION_WINDOW_MS } from '../../../cloudfunctions/src/domain/invites'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { arriveByPoster, claim, inviteOf, inviter, inviterWithCode, mine } from './support'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
})
afterAll(() => h.close())

const statsOf = async (id: string) => ((await h.emu.db.find('invite_stats', { _id: id })) as { invited: number }[])[0]
const nothingWrittenFor = async (invitee: string) => expect(await h.emu.db.count('invites', { _id: invitee })).toBe(0)

describe('invites.claim', () => {
  it('should attribute a new member who arrived through the poster to its owner, once', async () => {
    const code = await inviter(h, 'alice')
    const res = await arriveByPoster(h, 'newbie-1', code)
    expect(res).toMatchObject({ code: 0, data: { code, status: 'pending' } })
    expect(await inviteOf(h, 'newbie-1')).toMatchObject({ inviterId: 'alice', code, status: 'pending' })
    expect(await statsOf('alice')).toMatchObject({ invited: 1 })
    const member = (await h.emu.db.find('members', { _id: 'newbie-1' }))[0] as { firstChannel: string; firstPosterCode: string }
    expect(member).toMatchObject({ firstChannel: 'poster', firstPosterCode: code })
    expect(await h.emu.db.count('events', { type: 'invite_claim', memberId: 'newbie-1', posterCode: code })).toBe(1)
    const list = await mine(h, 'alice')
    expect(list.items.map((i) => [i.invitee.id, i.statusLabel])).toEqual([[publicIdOf('newbie-1'), '待完成']])
  })

  it('should answer a repeated claim with the same attribution and count nothing twice', async () => {
    const code = await inviter(h, 'bob')
    const first = await arriveByPoster(h, 'newbie-2', code)
    const again = await claim(h, 'newbie-2', code)
    expect(again).toEqual(first)
    expect(await statsOf('bob')).toMatchObject({ invited: 1 })
  })

  it('should refuse an old member with INVITE.NOT_NEW and write nothing', async () => {
    const code = await inviter(h, 'carol')
    await h.ok('identity', { action: 'open' }, 'oldie')
    h.emu.clock.set(h.emu.clock.now() + ATTRIBUTION_WINDOW_MS + 60_000)
    const res = await claim(h, 'oldie', code)
    expect(res).toMatchObject({ code: 'INVITE.NOT_NEW', message: '仅新用户可以接受邀请' })
    await nothingWrittenFor('oldie')
    expect(await statsOf('carol')).toBeUndefined()
  })

  it('should refuse a self-invite', async () => {
    const code = await inviter(h, 'selfish')
    expect(await claim(h, 'selfish', code)).toMatchObject({ code: 'INVITE.SELF' })
    await nothingWrittenFor('selfish')
  })

  it('should refuse a loop: B invited by A cannot then attribute A', async () => {
    await h.ok('identity', { action: 'open' }, 'loop-a')
    const codeA = (await h.ok<{ code: string }>('invites', { action: 'poster' }, 'loop-a')).code
    expect((await arriveByPoster(h, 'loop-b', codeA)).code).toBe(0)
    const codeB = (await h.ok<{ code: string }>('invites', { action: 'poster' }, 'loop-b')).code
    const res = await claim(h, 'loop-a', codeB)
    expect(res).toMatchObject({ code: 'INVITE.LOOP' })
    await nothingWrittenFor('loop-a')
  })

  it('should refuse an unknown or malformed code with a clear code and write nothing', async () => {
    await h.ok('identity', { action: 'open' }, 'lost')
    expect(await claim(h, 'lost', 'i=ZZZZZZ')).toMatchObject({ code: 'INVITE.CODE_NOT_FOUND', message: '邀请码不存在' })
    expect(await claim(h, 'lost', 'not a code')).toMatchObject({ code: 'INVITE.CODE_INVALID' })
    await nothingWrittenFor('lost')
  })

  it('should refuse a second inviter once a member is attributed', async () => {
    const [codeA, codeB] = [await inviter(h, 'first-inviter'), await inviter(h, 'second-inviter')]
    await h.ok('identity', { action: 'open' }, 'wanted')
    expect((await claim(h, 'wanted', codeA)).code).toBe(0)
    expect(await claim(h, 'wanted', codeB)).toMatchObject({ code: 'INVITE.ALREADY_CLAIMED' })
    expect(await inviteOf(h, 'wanted')).toMatchObject({ inviterId: 'first-inviter' })
  })

  it('should keep one attribution when 20 claims for one new member race, across different inviters', async () => {
    const codes: string[] = []
    for (let i = 0; i < 20; i++) codes.push(await inviterWithCode(h, `racer-inviter-${i}`, `RACE${'23456789ABCDEFGHJKMN'[i]}Z`))
    await h.ok('identity', { action: 'open' }, 'contested')
    const results = await Promise.all(codes.map((c) => claim(h, 'contested', c)))
    expect(results.filter((r) => r.code === 0)).toHaveLength(1)
    expect(results.filter((r) => r.code === 'INVITE.ALREADY_CLAIMED')).toHaveLength(19)
    expect(await h.emu.db.count('invites', { _id: 'contested' })).toBe(1)
    const winner = (await inviteOf(h, 'contested')).inviterId
    const invited = await Promise.all(codes.map((_, i) => statsOf(`racer-inviter-${i}`)))
    expect(invited.filter((s) => s?.invited === 1)).toHaveLength(1)
    expect(await statsOf(winner)).toMatchObject({ invited: 1 })
  })

  it('should keep one attribution and one count when the same claim is sent 20 times at once', async () => {
    const code = await inviter(h, 'popular')
    await h.ok('identity', { action: 'open', channel: 'poster', posterCode: code }, 'double-tapper')
    const results = await Promise.all(Array.from({ length: 20 }, () => claim(h, 'double-tapper', code)))
    expect(results.every((r) => r.code === 0)).toBe(true)
    expect(await statsOf('popular')).toMatchObject({ invited: 1 })
  })

  it('should take the invitee only from the caller: a field naming another openid is refused by the schema', async () => {
    const code = await inviter(h, 'dave')
    await h.ok('identity', { action: 'open' }, 'victim')
    const res = await h.call('invites', { action: 'claim', code, memberId: 'victim', openid: 'victim' }, 'attacker')
    expect(res).toMatchObject({ code: 'REQUEST.INVALID' })
    await nothingWrittenFor('victim')
    await nothingWrittenFor('attacker')
  })
})
