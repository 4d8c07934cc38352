import {
  accessOf,
  isVisible,
  planUnlock,
  ruleTag,
  ruleText,
  type AccessFacts,
  type MaterialDoc,
  type UnlockDoc,
  type UnlockRule,
} from '@cloud/domain/materials'

const NOW = Date.UTC(2026, 10, 25, 4)
const NONE: AccessFacts = { unlock: null, mallUnlock: false, qualifyingSignup: false, qualifiedInvites: 0, staff: false }

const material = (rule: UnlockRule, onShelf = true): Pick<MaterialDoc, '_id' | 'rule' | 'onShelf'> => ({ _id: 'mat-1', rule, onShelf })
const record = (via: UnlockDoc['via']): UnlockDoc => ({
  _id: 'mat-1:m1',
  materialId: 'mat-1',
  memberId: 'm1',
  via,
  cost: 0,
  unlockedAt: NOW,
})

describe('accessOf', () => {
  it('should open a free material to everyone', () => {
    expect(accessOf(material({ kind: 'free' }), NONE)).toEqual({ unlocked: true, via: 'free' })
  })

  it('should keep a points material locked until the member holds a record or a mall unlock', () => {
    const m = material({ kind: 'points', cost: 20 })
    expect(accessOf(m, NONE)).toEqual({ unlocked: false })
    expect(accessOf(m, { ...NONE, unlock: record('points') })).toEqual({ unlocked: true, via: 'points' })
    expect(accessOf(m, { ...NONE, mallUnlock: true })).toEqual({ unlocked: true, via: 'mall' })
  })

  it('should open a signup material on a qualifying signup, but a signup never opens a points material', () => {
    expect(accessOf(material({ kind: 'signup', classId: null }), { ...NONE, qualifyingSignup: true })).toEqual({
      unlocked: true,
      via: 'signup',
    })
    expect(accessOf(material({ kind: 'points', cost: 5 }), { ...NONE, qualifyingSignup: true })).toEqual({ unlocked: false })
  })

  it('should open an invites material once enough invited friends qualified, and never a points material by invites', () => {
    const m = material({ kind: 'invites', count: 3 })
    expect(accessOf(m, { ...NONE, qualifiedInvites: 2 })).toEqual({ unlocked: false })
    expect(accessOf(m, { ...NONE, qualifiedInvites: 3 })).toEqual({ unlocked: true, via: 'invites' })
    expect(accessOf(m, { ...NONE, qualifiedInvites: 7 })).toEqual({ unlocked: true, via: 'invites' })
    expect(accessOf(material({ kind: 'points', cost: 5 }), { ...NONE, qualifiedInvites: 50 })).toEqual({ unlocked: false })
  })

  it('should let staff preview a locked material', () => {
    expect(accessOf(material({ kind: 'points', cost: 5 }), { ...NONE, staff: true })).toEqual({ unlocked: true, via: 'staff' })
  })
})

describe('isVisible', () => {
  it('should hide an off-shelf material from members unless they already hold it', () => {
    expect(isVisible(material({ kind: 'free' }, false), NONE)).toBe(false)
    expect(isVisible(material({ kind: 'points', cost: 1 }, false), { ...NONE, unlock: record('points') })).toBe(true)
    expect(isVisible(material({ kind: 'free' }, false), { ...NONE, staff: true })).toBe(true)
  })
})

describe('planUnlock', () => {
  it('should plan a points spend keyed per member and material, with the unlock record', () => {
    const plan = planUnlock(material({ kind: 'points', cost: 30 }), 'm1', NONE, NOW)
    expect(plan).toEqual({
      ok: true,
      via: 'points',
      record: {
        _id: 'mat-1:m1',
        materialId: 'mat-1',
        memberId: 'm1',
        via: 'points',
        cost: 30,
        entryId: 'unlock:mat-1:m1',
        unlockedAt: NOW,
      },
      spend: { _id: 'unlock:mat-1:m1', memberId: 'm1', amount: -30, reason: 'unlock', ref: 'mat-1' },
    })
  })

  it('should write nothing when the material is free, already unlocked or bought in the mall', () => {
    const points = material({ kind: 'points', cost: 30 })
    expect(planUnlock(material({ kind: 'free' }), 'm1', NONE, NOW)).toMatchObject({ ok: true, via: 'free', record: null })
    expect(planUnlock(points, 'm1', { ...NONE, unlock: record('points') }, NOW)).toMatchObject({ via: 'points', record: null, spend: null })
    expect(planUnlock(points, 'm1', { ...NONE, mallUnlock: true }, NOW)).toMatchObject({ via: 'mall', record: null, spend: null })
  })

  it('should record a signup unlock without points, and refuse it without a qualifying signup', () => {
    const m = material({ kind: 'signup', classId: 'class-1' })
    expect(planUnlock(m, 'm1', { ...NONE, qualifyingSignup: true }, NOW)).toMatchObject({ via: 'signup', record: { cost: 0 }, spend: null })
    expect(planUnlock(m, 'm1', NONE, NOW)).toEqual({ ok: false, code: 'MATERIAL.SIGNUP_REQUIRED', message: '报名免费课后即可解锁该资料' })
  })

  it('should record an invites unlock without points, and refuse one friend short saying how many are missing', () => {
    const m = material({ kind: 'invites', count: 3 })
    expect(planUnlock(m, 'm1', { ...NONE, qualifiedInvites: 3 }, NOW)).toEqual({
      ok: true,
      via: 'invites',
      record: { _id: 'mat-1:m1', materialId: 'mat-1', memberId: 'm1', via: 'invites', cost: 0, unlockedAt: NOW },
      spend: null,
    })
    expect(planUnlock(m, 'm1', { ...NONE, qualifiedInvites: 2 }, NOW)).toEqual({
      ok: false,
      code: 'MATERIAL.INVITES_REQUIRED',
      message: '已有 2 位好友完成，还差 1 位即可解锁',
      details: { needed: 3, have: 2 },
    })
    // A record held from before wins over the live count (e.g. the rule was raised later).
    expect(planUnlock(m, 'm1', { ...NONE, unlock: record('invites') }, NOW)).toMatchObject({ via: 'invites', record: null })
  })

  it('should make staff pay like anyone', () => {
    expect(planUnlock(material({ kind: 'points', cost: 9 }), 'm1', { ...NONE, staff: true }, NOW)).toMatchObject({ via: 'points' })
  })
})

describe('rule texts', () => {
  it.each<[UnlockRule, string, string]>([
    [{ kind: 'free' }, '免费', '免费资料，可直接打开'],
    [{ kind: 'signup', classId: null }, '报名解锁', '报名任意一节免费课后即可解锁'],
    [{ kind: 'signup', classId: 'c1' }, '报名解锁', '报名指定的免费课后即可解锁'],
    [{ kind: 'points', cost: 80 }, '80 积分', '消耗 80 积分解锁，解锁后可反复下载'],
    [{ kind: 'invites', count: 3 }, '邀请 3 人', '邀请 3 位好友，好友完成首次打卡或报名免费课后即可解锁'],
  ])('should explain %j in Chinese', (rule, tag, text) => {
    expect(ruleTag(rule)).toBe(tag)
    expect(ruleText(rule)).toBe(text)
  })
})
