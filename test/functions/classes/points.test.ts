import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, balanceOf, cancel, giveClass, giveSession, signUp, signupDoc } from './support'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())

const entries = (memberId: string, reason: string) => h.emu.db.count('points_entries', { memberId, reason })

describe('classes signup award', () => {
  it('should award a confirmed signup once, reverse it once on cancel, and not award a re-signup again', async () => {
    const cls = await giveClass(h, { signupPoints: 20 })
    const session = await giveSession(h, cls.id, { capacity: 5 })
    await h.member('earner')
    await Promise.all([signUp(h, 'earner', cls.id, session.id), signUp(h, 'earner', cls.id, session.id)])
    expect(await balanceOf(h, 'earner')).toBe(20)
    expect(await entries('earner', 'class_signup')).toBe(1)
    await Promise.all([cancel(h, 'earner', cls.id), cancel(h, 'earner', cls.id)])
    expect(await balanceOf(h, 'earner')).toBe(0)
    expect(await entries('earner', 'reversal')).toBe(1)
    expect((await signUp(h, 'earner', cls.id, session.id)).code).toBe(0)
    expect(await balanceOf(h, 'earner')).toBe(0)
    expect(await entries('earner', 'class_signup')).toBe(1)
    await cancel(h, 'earner', cls.id)
    expect(await entries('earner', 'reversal')).toBe(1)
  })

  it('should award a waitlisted member only when promoted', async () => {
    const cls = await giveClass(h, { signupPoints: 15 })
    const session = await giveSession(h, cls.id, { capacity: 1 })
    await h.member('seated')
    await h.member('waiting')
    await signUp(h, 'seated', cls.id, session.id)
    await signUp(h, 'waiting', cls.id, session.id)
    expect(await balanceOf(h, 'waiting')).toBe(0)
    await cancel(h, 'seated', cls.id)
    expect((await signupDoc(h, cls.id, 'waiting'))?.status).toBe('confirmed')
    expect(await balanceOf(h, 'waiting')).toBe(15)
    expect(await balanceOf(h, 'seated')).toBe(0)
  })

  it('should refuse a cancel whose award was already spent, and change nothing', async () => {
    const cls = await giveClass(h, { signupPoints: 30 })
    const session = await giveSession(h, cls.id)
    await h.member('spender')
    await signUp(h, 'spender', cls.id, session.id)
    await h.ok(
      'points',
      { action: 'adjust', member: publicIdOf('spender'), amount: -25, note: '测试扣减', requestId: 'spend-test-0001' },
      ADMIN,
    )
    expect(await cancel(h, 'spender', cls.id)).toMatchObject({ code: 'CLASS.AWARD_SPENT' })
    expect((await signupDoc(h, cls.id, 'spender'))?.status).toBe('confirmed')
    expect(await balanceOf(h, 'spender')).toBe(5)
  })

  it('should award nothing for a class without a signup award', async () => {
    const cls = await giveClass(h)
    const session = await giveSession(h, cls.id)
    await h.member('plain')
    await signUp(h, 'plain', cls.id, session.id)
    expect(await entries('plain', 'class_signup')).toBe(0)
  })
})
