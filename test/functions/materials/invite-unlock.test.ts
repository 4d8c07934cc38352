import { buildEvent } from '../../../cloudfunctions/src/domain/identity'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN as CAMP_ADMIN, at, checkin, joined, openPeriod } from '../camp/support'
import { arriveByPoster, inviterWithCode } from '../invites/support'
import { ADMIN, detail, giveMaterial, openFile, storedFile, unlock } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await h.member(CAMP_ADMIN, ['admin'])
})
afterAll(() => h.close())

/** The event the classes feature writes for a real free-class signup (its own tests cover writing it). */
const classSignupOf = (memberId: string) =>
  h.emu.db.insert('events', [buildEvent({ type: 'class_signup', memberId, ref: 'class-1' }, h.emu.clock.now())])

const unlockRecords = (materialId: string) => h.emu.db.count('material_unlocks', { materialId })
const unlockEvents = (memberId: string) => h.emu.db.count('events', { type: 'material_unlock', memberId })

describe('materials unlocked by inviting friends', () => {
  it('should count only invited friends who qualified, settle on the tap, and unlock exactly once', async () => {
    await at(h, '2026-03-02 09:00')
    const m = await giveMaterial(h, { rule: { kind: 'invites', count: 2 } })
    const code = await inviterWithCode(h, 'sharer', 'SHR234')
    expect((await arriveByPoster(h, 'friend-a', code)).code).toBe(0)
    expect((await arriveByPoster(h, 'friend-b', code)).code).toBe(0)

    // Two friends claimed, none did anything real yet.
    expect(await detail(h, 'sharer', m.id)).toMatchObject({
      unlocked: false,
      ruleTag: '邀请 2 人',
      invites: { have: 0, needed: 2 },
    })
    expect((await openFile(h, 'sharer', m.id)).code).toBe('MATERIAL.INVITES_REQUIRED')

    // Friend A checks in. No settle timer has run: the tap itself recounts, and one friend is not enough.
    const period = await openPeriod(h)
    await joined(h, period, ['friend-a'])
    expect((await checkin(h, period._id, 'friend-a')).code).toBe(0)
    expect(await unlock(h, 'sharer', m.id)).toEqual({
      code: 'MATERIAL.INVITES_REQUIRED',
      message: '已有 1 位好友完成，还差 1 位即可解锁',
      details: { needed: 2, have: 1 },
    })
    expect(await unlockRecords(m.id)).toBe(0)

    // Friend B signs up for a free class: ten taps at once unlock once.
    await classSignupOf('friend-b')
    const taps = await Promise.all(Array.from({ length: 10 }, () => unlock(h, 'sharer', m.id)))
    expect(taps.map((t) => t.code)).toEqual(Array(10).fill(0))
    expect(taps[0]).toMatchObject({ data: { unlocked: true, via: 'invites', invites: { have: 2, needed: 2 } } })
    expect(await unlockRecords(m.id)).toBe(1)
    expect(await unlockEvents('sharer')).toBe(1)
    expect(await openFile(h, 'sharer', m.id)).toMatchObject({ code: 0, data: { name: 'sheet.pdf' } })
  })

  it('should not let friends of someone else, or the member’s own activity, unlock it', async () => {
    await at(h, '2026-03-03 09:00')
    const m = await giveMaterial(h, { rule: { kind: 'invites', count: 1 } })
    const code = await inviterWithCode(h, 'other-inviter', 'MTH234')
    expect((await arriveByPoster(h, 'their-friend', code)).code).toBe(0)
    await classSignupOf('their-friend')
    await h.member('bystander')
    await classSignupOf('bystander')
    expect((await unlock(h, 'bystander', m.id)).code).toBe('MATERIAL.INVITES_REQUIRED')
    expect(await unlockRecords(m.id)).toBe(0)
    expect(await unlock(h, 'other-inviter', m.id)).toMatchObject({ code: 0, data: { via: 'invites' } })
  })

  it('should refuse an invites rule outside 1–50 friends when an admin saves it', async () => {
    const material = { title: '邀请解锁的题库', subject: 'math', grades: ['g3'], files: [await storedFile(h)], onShelf: true }
    for (const count of [0, 51, 2.5]) {
      const res = await h.call(
        'materials',
        {
          action: 'create',
          material: { ...material, rule: { kind: 'invites', count } },
          requestId: `rq-${Math.random().toString(36).slice(2, 12)}`,
        },
        ADMIN,
      )
      expect(res.code).toBe('REQUEST.INVALID')
    }
    const saved = await h.ok<{ id: string }>(
      'materials',
      {
        action: 'create',
        material: { ...material, rule: { kind: 'invites', count: 50 } },
        requestId: `rq-${Math.random().toString(36).slice(2, 12)}`,
      },
      ADMIN,
    )
    expect(await h.emu.db.count('materials', { _id: saved.id, 'rule.count': 50 })).toBe(1)
  })
})
