import { db } from '../../../cloudfunctions/src/shared/db'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, balanceOf, detail, fund, giveMaterial, openFile, signup, unlock } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())

const unlockEntries = (memberId: string) => h.emu.db.count('points_entries', { memberId, reason: 'unlock' })

describe('materials unlock rules', () => {
  it('should let anyone open a free material without unlocking it', async () => {
    const m = await giveMaterial(h)
    await h.member('free-reader')
    expect(await detail(h, 'free-reader', m.id)).toMatchObject({ unlocked: true, via: 'free', ruleText: '免费资料，可直接打开' })
    const opened = await openFile(h, 'free-reader', m.id)
    expect(opened).toMatchObject({ code: 0, data: { name: 'sheet.pdf', kind: 'pdf' } })
  })

  it('should unlock a signup material for a confirmed signup of any class and refuse a waitlisted one', async () => {
    const m = await giveMaterial(h, { rule: { kind: 'signup' } })
    await h.member('signed')
    await h.member('waiting')
    await signup(h, 'class-a', 'signed', 'confirmed')
    await signup(h, 'class-a', 'waiting', 'waitlisted')
    expect(await detail(h, 'waiting', m.id)).toMatchObject({ unlocked: false, ruleText: '报名任意一节免费课后即可解锁' })
    expect(await unlock(h, 'waiting', m.id)).toMatchObject({ code: 'MATERIAL.SIGNUP_REQUIRED', message: '报名免费课后即可解锁该资料' })
    expect((await openFile(h, 'waiting', m.id)).code).toBe('MATERIAL.SIGNUP_REQUIRED')
    expect(await unlock(h, 'signed', m.id)).toMatchObject({ code: 0, data: { unlocked: true, via: 'signup' } })
    expect(await h.emu.db.count('material_unlocks', { materialId: m.id })).toBe(1)
  })

  it('should honour a class-specific signup rule only for that class, including an attended signup', async () => {
    const m = await giveMaterial(h, { rule: { kind: 'signup', classId: 'class-b' } })
    await h.member('other-class')
    await h.member('attended')
    await signup(h, 'class-x', 'other-class', 'confirmed')
    await signup(h, 'class-b', 'attended', 'attended')
    expect((await unlock(h, 'other-class', m.id)).code).toBe('MATERIAL.SIGNUP_REQUIRED')
    // Opening records the unlock, so a later cancellation does not take the material away.
    expect((await openFile(h, 'attended', m.id)).code).toBe(0)
    await db()
      .collection('class_signups')
      .doc('class-b:attended')
      .update({ data: { status: 'cancelled' } })
    expect(await detail(h, 'attended', m.id)).toMatchObject({ unlocked: true, via: 'signup' })
  })

  it('should spend the points exactly once under 20 parallel duplicate unlocks and a later retry', async () => {
    const m = await giveMaterial(h, { rule: { kind: 'points', cost: 30 } })
    await h.member('eager')
    await fund(h, 'eager', 100)
    const results = await Promise.all(Array.from({ length: 20 }, () => unlock(h, 'eager', m.id)))
    expect(results.map((r) => r.code)).toEqual(Array(20).fill(0))
    const retry = await unlock(h, 'eager', m.id)
    expect(retry).toMatchObject({ code: 0, data: { unlocked: true, via: 'points' } })
    expect(await balanceOf(h, 'eager')).toBe(70)
    expect(await unlockEntries('eager')).toBe(1)
    expect(await h.emu.db.find('points_entries', { memberId: 'eager', reason: 'unlock' })).toEqual([
      expect.objectContaining({ _id: `unlock:${m.id}:eager`, amount: -30, ref: m.id }),
    ])
    expect(await h.emu.db.count('events', { type: 'material_unlock', memberId: 'eager' })).toBe(1)
  })

  it('should refuse without enough points and change nothing', async () => {
    const m = await giveMaterial(h, { rule: { kind: 'points', cost: 50 } })
    await h.member('short')
    await fund(h, 'short', 20)
    expect(await unlock(h, 'short', m.id)).toMatchObject({ code: 'POINTS.INSUFFICIENT', message: '积分不足' })
    expect(await balanceOf(h, 'short')).toBe(20)
    expect(await unlockEntries('short')).toBe(0)
    expect(await h.emu.db.count('material_unlocks', { memberId: 'short' })).toBe(0)
    expect((await openFile(h, 'short', m.id)).code).toBe('MATERIAL.LOCKED')
  })

  it('should honour a fulfilled points-mall unlock order for the material', async () => {
    const m = await giveMaterial(h, { rule: { kind: 'points', cost: 500 } })
    await h.member('shopper')
    await fund(h, 'shopper', 100)
    const item = await h.ok<{ id: string }>(
      'mall',
      {
        action: 'createItem',
        item: { title: '解锁资料', kind: 'unlock', unlockTarget: 'material', unlockTargetId: m.id, cost: 40, stock: 5, onShelf: true },
        requestId: 'req-00000001',
      },
      ADMIN,
    )
    expect((await openFile(h, 'shopper', m.id)).code).toBe('MATERIAL.LOCKED')
    await h.ok('mall', { action: 'redeem', itemId: item.id, requestId: 'mall-unlock-1' }, 'shopper')
    expect(await detail(h, 'shopper', m.id)).toMatchObject({ unlocked: true, via: 'mall' })
    expect((await openFile(h, 'shopper', m.id)).code).toBe(0)
    // Unlocking again costs nothing: the mall already paid for it.
    expect((await unlock(h, 'shopper', m.id)).code).toBe(0)
    expect(await balanceOf(h, 'shopper')).toBe(60)
  })

  it('should refuse an unlock item for a material that does not exist, or for anything but a material, and store nothing', async () => {
    const item = (unlockTarget: string, unlockTargetId: string) => ({
      title: '解锁资料',
      kind: 'unlock',
      unlockTarget,
      unlockTargetId,
      cost: 40,
      stock: 5,
      onShelf: true,
    })
    const before = await h.emu.db.count('mall_items', {})
    const missing = await h.call(
      'mall',
      { action: 'createItem', item: item('material', 'no-such-material'), requestId: 'req-00000002' },
      ADMIN,
    )
    expect(missing).toMatchObject({ code: 'MALL.UNLOCK_TARGET_NOT_FOUND', message: '要解锁的资料不存在' })
    // nothing reads a course unlock (materials/access.ts honours material orders only): members would pay for nothing
    const course = await h.call('mall', { action: 'createItem', item: item('course', 'class-a'), requestId: 'req-00000003' }, ADMIN)
    expect(course.code).toBe('REQUEST.INVALID')
    expect(await h.emu.db.count('mall_items', {})).toBe(before)
  })
})
