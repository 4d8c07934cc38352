import { ATTRIBUTION_WINDOW_MS, checkClaim, newInvite, type ClaimCheckInput } from '@cloud/domain/invites'

const NOW = Date.parse('2026-03-02T10:00:00+08:00')
const base: ClaimCheckInput = {
  invitee: { _id: 'oNew', createdAt: NOW - 60_000, firstPosterCode: 'AB23CD' },
  code: 'AB23CD',
  inviterId: 'oInviter',
  inviterAncestors: [],
  existing: null,
  now: NOW,
}
const claim = (patch: Partial<ClaimCheckInput>) => checkClaim({ ...base, ...patch })

describe('checkClaim', () => {
  it('should accept a new member arriving through this poster', () => {
    expect(claim({})).toEqual({ ok: true, replay: false })
  })

  it('should accept a new member whose first open carried no poster (a scan soon after)', () => {
    expect(claim({ invitee: { ...base.invitee, firstPosterCode: null } })).toEqual({ ok: true, replay: false })
  })

  it('should accept up to the end of the attribution window and refuse one millisecond later', () => {
    const createdAt = NOW - ATTRIBUTION_WINDOW_MS
    expect(claim({ invitee: { ...base.invitee, createdAt } }).ok).toBe(true)
    expect(claim({ invitee: { ...base.invitee, createdAt: createdAt - 1 } })).toMatchObject({ ok: false, code: 'INVITE.NOT_NEW' })
  })

  it('should refuse a self-invite', () => {
    expect(claim({ inviterId: 'oNew' })).toMatchObject({ ok: false, code: 'INVITE.SELF', message: '不能使用自己的邀请码' })
  })

  it('should refuse a code other than the one of the first touch', () => {
    expect(claim({ code: 'ZZ99ZZ' })).toMatchObject({ ok: false, code: 'INVITE.NOT_FIRST_TOUCH' })
  })

  it('should refuse a loop: the inviter was invited (directly or up the chain) by the invitee', () => {
    expect(claim({ inviterAncestors: ['oNew'] })).toMatchObject({ ok: false, code: 'INVITE.LOOP' })
    expect(claim({ inviterAncestors: ['oMiddle', 'oNew'] })).toMatchObject({ ok: false, code: 'INVITE.LOOP' })
  })

  it('should treat the same claim again as a replay and another inviter’s as a double claim', () => {
    expect(claim({ existing: { inviterId: 'oInviter' } })).toEqual({ ok: true, replay: true })
    expect(claim({ existing: { inviterId: 'oSomeoneElse' } })).toMatchObject({ ok: false, code: 'INVITE.ALREADY_CLAIMED' })
  })

  it('should answer a replay even after the window closed (the attribution stands)', () => {
    const old = { ...base.invitee, createdAt: NOW - 10 * ATTRIBUTION_WINDOW_MS }
    expect(claim({ invitee: old, existing: { inviterId: 'oInviter' } })).toEqual({ ok: true, replay: true })
  })
})

describe('newInvite', () => {
  it('should start pending, keyed by the invitee, due for a check at once', () => {
    expect(newInvite('oNew', 'oInviter', 'AB23CD', NOW)).toEqual({
      _id: 'oNew',
      inviterId: 'oInviter',
      code: 'AB23CD',
      status: 'pending',
      claimedAt: NOW,
      nextCheckAt: NOW,
      checks: 0,
    })
  })
})
