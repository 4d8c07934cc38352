/**
 * A shared card carries the sharer's code (`inviter=`, src/shared/share/share-path.ts). `myCode` hands the code out
 * without making a poster; a new member who opens the card is attributed exactly like a poster scan (open with channel
 * `share`, then claim). The share itself pays nothing: no points and no reward event until the invitee does something real.
 */
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { claim, inviteOf, poster, rewardEntries } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
})
afterAll(() => h.close())

const myCode = (openid: string) => h.call<{ code: string }>('invites', { action: 'myCode' }, openid)

describe('invites.myCode and a shared card', () => {
  it('should hand out the member code once, the same as the poster code, without making a poster', async () => {
    await h.member('sharer-1')
    const first = await myCode('sharer-1')
    const again = await myCode('sharer-1')
    expect(first).toMatchObject({ code: 0, data: { code: expect.stringMatching(/^[0-9A-Z]{6}$/) } })
    expect(again).toEqual(first)
    expect(await h.emu.db.count('invite_codes', { memberId: 'sharer-1' })).toBe(1)
    expect(await h.emu.db.count('invite_posters', {})).toBe(0)
    expect((await poster(h, 'sharer-1')).code).toBe(first.code === 0 ? first.data.code : '')
  })

  it('should refuse extra fields', async () => {
    expect(await h.call('invites', { action: 'myCode', memberId: 'someone' }, 'sharer-1')).toMatchObject({ code: 'REQUEST.INVALID' })
  })

  it('should attribute a new member who opened the card to the sharer with channel share, and pay nobody for it', async () => {
    await h.member('sharer-2')
    const res = await myCode('sharer-2')
    if (res.code !== 0) throw new Error(res.code)
    const code = res.data.code
    await h.ok('identity', { action: 'open', channel: 'share', posterCode: code }, 'card-opener')
    expect(await claim(h, 'card-opener', code)).toMatchObject({ code: 0, data: { code, status: 'pending' } })

    expect(await inviteOf(h, 'card-opener')).toMatchObject({ inviterId: 'sharer-2', code, status: 'pending' })
    const [member] = (await h.emu.db.find('members', { _id: 'card-opener' })) as { firstChannel: string; firstPosterCode: string }[]
    expect(member).toMatchObject({ firstChannel: 'share', firstPosterCode: code })
    expect(await h.emu.db.count('events', { type: 'invite_claim', memberId: 'card-opener', channel: 'share', posterCode: code })).toBe(1)
    expect(await rewardEntries(h, 'sharer-2')).toBe(0)
    expect(await h.emu.db.count('points_entries', { memberId: 'sharer-2' })).toBe(0)
    expect(await h.emu.db.count('events', { memberId: 'sharer-2', type: 'invite_reward' })).toBe(0)
  })
})
