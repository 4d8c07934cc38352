import { EmulatorClock } from '../../../emulator/core/clock'
import { LocalDatabase } from '../../../emulator/db'
import { COLLECTIONS } from '../../../cloudfunctions/src/schema/collections'

let db: LocalDatabase

beforeAll(async () => {
  db = await LocalDatabase.open({ clock: new EmulatorClock() })
  await db.migrate([
    ...COLLECTIONS,
    {
      name: 'things',
      indexes: [
        { name: 'group_rank', keys: { group: 1, rank: -1 } },
        { name: 'tags', keys: { tags: 1 } },
      ],
    },
  ])
  await db.insert(
    'things',
    Array.from({ length: 200 }, (_v, i) => ({ _id: `t${i}`, group: i % 10, rank: i, tags: i === 0 ? ['a', 'b'] : 'a' })),
  )
})
afterAll(() => db.close())

describe('query planner', () => {
  it('should walk the index in order for an equality prefix sorted by the next key', () => {
    expect(db.explain('things', { group: 3 }, { sort: { rank: -1 }, limit: 20 })).toEqual({
      mode: 'ordered',
      index: 'group_rank',
      prefix: ['group'],
    })
  })

  it('should walk backwards when the sort is the reverse of the index', () => {
    expect(db.explain('things', { group: 3 }, { sort: { rank: 1 }, limit: 5 }).mode).toBe('ordered')
  })

  it('should narrow the walk by a range on the sorted key (the leaderboard cursor)', () => {
    const plan = db.explain('things', { group: 3, rank: { $lt: 50 } }, { sort: { rank: -1 } })
    expect(plan).toEqual({ mode: 'ordered', index: 'group_rank', prefix: ['group'], range: 'rank', candidates: 5 })
  })

  it('should take candidates from the index when the sort does not follow it', () => {
    expect(db.explain('things', { group: 3 }, { sort: { _id: 1 } })).toEqual({
      mode: 'index',
      index: 'group_rank',
      prefix: ['group'],
      candidates: 20,
    })
  })

  it('should look up each value of an $in', () => {
    expect(db.explain('things', { group: { $in: [1, 2] } })).toMatchObject({ mode: 'index', candidates: 40 })
  })

  it('should use an index inside a top-level $and', () => {
    expect(db.explain('things', { $and: [{ group: 1 }, { $or: [{ rank: 1 }, { rank: 11 }] }] })).toMatchObject({ mode: 'index' })
  })

  // MongoDB plans each `$or` branch on an index (docs: "$or Clauses and Indexes"); CloudBase runs on MongoDB. The
  // keyset cursor `group = g and (rank < r or (rank = r and _id > id))` must not scan the collection.
  it('should walk the index for a keyset cursor written as a $or whose branches share the prefix', () => {
    const cursor = {
      $or: [
        { group: 3, rank: { $lt: 50 } },
        { group: 3, rank: 50, _id: { $gt: 't50' } },
      ],
    }
    expect(db.explain('things', cursor, { sort: { rank: -1, _id: 1 }, limit: 5 })).toEqual({
      mode: 'index',
      index: 'group_rank',
      prefix: ['group'],
      range: 'rank',
      candidates: 5,
    })
    expect(db.explain('things', cursor, { sort: { rank: -1 }, limit: 5 })).toMatchObject({ mode: 'ordered', range: 'rank' })
  })

  it('should walk period_joined_id for the late-joiner cursor of services/camp/community-reads.ts', () => {
    const after = { joinedAt: 1_000, id: 'p1:m9' }
    const cursor = {
      $or: [
        { periodId: 'p1', joinedAt: { $gt: after.joinedAt } },
        { periodId: 'p1', joinedAt: after.joinedAt, _id: { $gt: after.id } },
      ],
    }
    expect(db.explain('enrollments', cursor, { sort: { joinedAt: 1, _id: 1 }, limit: 200 })).toEqual({
      mode: 'ordered',
      index: 'period_joined_id',
      prefix: ['periodId'],
      range: 'joinedAt',
    })
  })

  it('should take the union of the branches equalities of a $or', () => {
    // planned branch by branch: all of group 1 (20) and the one entry group 2, rank 12 — not all of groups 1 and 2
    expect(db.explain('things', { $or: [{ group: 1 }, { group: 2, rank: 12 }] })).toMatchObject({ mode: 'index', union: 2, candidates: 21 })
  })

  // MongoDB plans each `$or` clause on its own index bounds ("$or Clauses and Indexes", MongoDB manual). A cursor
  // whose last page ended inside a run of equal join times must not walk the whole run: the second branch's
  // bounds are (periodId, joinedAt, _id > id), which the shared conditions alone (joinedAt >= t) cannot express.
  it('should plan each $or branch on its own bounds when many entries share the cursor key', async () => {
    const same = 1_000
    await db.insert(
      'enrollments',
      Array.from({ length: 300 }, (_v, i) => ({
        _id: `pq:m${String(i).padStart(3, '0')}`,
        periodId: 'pq',
        memberId: `m${i}`,
        joinedAt: same,
      })),
    )
    const cursor = (id: string) => ({
      $or: [
        { periodId: 'pq', joinedAt: { $gt: same } },
        { periodId: 'pq', joinedAt: same, _id: { $gt: id } },
      ],
    })
    const opts = { sort: { joinedAt: 1 as const, _id: 1 as const }, limit: 50 }
    // the one range left is the 50 entries after the cursor's id; after the last entry, no range at all
    expect(db.explain('enrollments', cursor('pq:m249'), opts)).toEqual({
      mode: 'ordered',
      index: 'period_joined_id',
      prefix: ['periodId'],
      union: 1,
    })
    expect(db.explain('enrollments', cursor('pq:m299'), opts)).toMatchObject({ mode: 'ordered', union: 0 })
    expect(db.explain('enrollments', cursor('pq:m249'), { sort: { _id: 1 as const } })).toMatchObject({ mode: 'index', candidates: 50 })
    expect(await db.find('enrollments', cursor('pq:m299'), opts)).toEqual([])
    const next = (await db.find('enrollments', cursor('pq:m249'), opts)) as { _id: string }[]
    expect(next.map((e) => e._id)).toEqual(Array.from({ length: 50 }, (_v, i) => `pq:m${250 + i}`))
  })

  it('should walk a $or union range after range, forward and backward', async () => {
    // group 3 holds ranks 3, 13, …, 193; the branches leave out 50–150 (rank is descending in group_rank)
    const outer = {
      $or: [
        { group: 3, rank: { $lt: 50 } },
        { group: 3, rank: { $gt: 150 } },
      ],
    }
    expect(db.explain('things', outer, { sort: { rank: 1 }, limit: 7 })).toEqual({
      mode: 'ordered',
      index: 'group_rank',
      prefix: ['group'],
      union: 2,
    })
    const ranks = async (dir: 1 | -1) =>
      ((await db.find('things', outer, { sort: { rank: dir }, limit: 7 })) as { rank: number }[]).map((d) => d.rank)
    expect(await ranks(1)).toEqual([3, 13, 23, 33, 43, 153, 163])
    expect(await ranks(-1)).toEqual([193, 183, 173, 163, 153, 43, 33])
  })

  it('should scan a $or when one branch leaves the index key open', () => {
    expect(db.explain('things', { $or: [{ group: 1 }, { rank: 12 }] })).toEqual({ mode: 'scan' })
  })

  it('should scan when no index key is constrained', () => {
    expect(db.explain('things', { rank: 4 })).toEqual({ mode: 'scan' })
  })

  it('should scan for a regular expression on the index key', () => {
    expect(db.explain('things', { group: /1/ })).toEqual({ mode: 'scan' })
  })

  it('should go by _id instead of an index for _id filters', () => {
    expect(db.explain('things', { _id: 't1', group: 1 })).toEqual({ mode: 'ids' })
  })

  it('should not walk an index holding array values (they are always candidates)', () => {
    expect(db.explain('things', { tags: 'b' }, { sort: { tags: 1 }, limit: 1 })).toMatchObject({ mode: 'index', candidates: 1 })
  })

  it('should plan a pipeline starting with $match, $sort and $limit', () => {
    const pipeline = [{ $match: { group: 2 } }, { $sort: { rank: -1 } }, { $limit: 3 }, { $project: { rank: 1 } }]
    expect(db.explain('things', pipeline)).toMatchObject({ mode: 'ordered', index: 'group_rank' })
  })

  it('should scan a pipeline not starting with $match', () => {
    expect(db.explain('things', [{ $sort: { rank: -1 } }, { $match: { group: 2 } }])).toEqual({ mode: 'scan' })
  })

  it('should answer an ordered page from the index in the scan order', async () => {
    const page = (await db.find('things', { group: 3, rank: { $lt: 100 } }, { sort: { rank: -1 }, limit: 3 })) as { rank: number }[]
    expect(page.map((d) => d.rank)).toEqual([93, 83, 73])
  })
})

describe('the manifest indexes serve the camp hot queries', () => {
  it.each([
    ['leaderboard page', 'enrollments', { periodId: 'p', streakRank: { $lt: 9 } }, { streakRank: -1 }, 'period_streak_rank'],
    ['featured feed', 'checkins', { periodId: 'p', featured: true, moderation: 'pass' }, { featuredAt: -1, _id: -1 }, 'period_feed'],
    ['review queue', 'checkins', { periodId: 'p', reviewStatus: 'pending' }, { submittedAt: 1 }, 'period_review_submitted'],
    ['points history', 'points_entries', { memberId: 'm' }, { at: -1, _id: -1 }, 'member_at_id'],
    ['points history (older page)', 'points_entries', { memberId: 'm', at: { $lte: 5 } }, { at: -1, _id: -1 }, 'member_at_id'],
    ['a member’s ledger oldest first (jobs)', 'points_entries', { memberId: 'm' }, { at: 1, _id: 1 }, 'member_at_id'],
    ['day stats check-ins', 'checkins', { periodId: 'p', day: '2026-03-02', makeup: false }, { _id: 1 }, 'period_day_makeup_id'],
    ['an invitee’s first check-in', 'checkins', { memberId: 'm', makeup: false }, { submittedAt: 1 }, 'member_makeup_submitted'],
    ['check-ins to derive events from', 'checkins', { submittedAt: { $gt: 5 } }, { submittedAt: 1, _id: 1 }, 'submitted_id'],
    // Orders live on their redeem entries (`order`, services/points/attached.ts attachedPage).
    ['a member’s orders', 'points_entries', { memberId: 'm', reason: 'redeem', order: { $exists: true } }, { at: -1 }, 'member_reason_at'],
    [
      'a member’s orders (older page)',
      'points_entries',
      { memberId: 'm', reason: 'redeem', order: { $exists: true }, at: { $lt: 5 } },
      { at: -1 },
      'member_reason_at',
    ],
    [
      'a member’s orders of one status',
      'points_entries',
      { memberId: 'm', reason: 'redeem', order: { $exists: true }, 'order.status': 'pending', at: { $lt: 5 } },
      { at: -1 },
      'member_reason_order_status_at',
    ],
    [
      'the fulfilment queue',
      'points_entries',
      { reason: 'redeem', order: { $exists: true }, 'order.status': 'pending', at: { $gt: 5 } },
      { at: 1 },
      'reason_order_status_at',
    ],
    [
      'a material’s unlock order',
      'points_entries',
      {
        memberId: 'm',
        reason: 'redeem',
        order: { $exists: true },
        'order.status': 'fulfilled',
        'order.fulfilment.kind': 'unlock',
        'order.fulfilment.unlockTargetId': 'x',
      },
      { at: -1 },
      'member_reason_order_status_at',
    ],
    ['completion batch', 'enrollments', { periodId: 'p', _id: { $gt: 'x' } }, { _id: 1 }, 'period_id'],
  ])('should walk %s in index order', (_name, collection, query, sort, index) => {
    expect(db.explain(collection, query, { sort: sort as Record<string, 1 | -1>, limit: 21 })).toMatchObject({ mode: 'ordered', index })
  })

  it('should take mall stock shards of several items from the item index', () => {
    expect(db.explain('mall_stock', { itemId: { $in: ['i1', 'i2'] } })).toMatchObject({ mode: 'index', index: 'item' })
  })

  it('should walk the feed after its cursor ($and of the prefix and an $or)', () => {
    const base = { periodId: 'p', featured: true, moderation: 'pass' }
    const query = { $and: [base, { $or: [{ featuredAt: { $lt: 5 } }, { featuredAt: 5, _id: { $lt: 'c' } }] }] }
    expect(db.explain('checkins', query, { sort: { featuredAt: -1, _id: -1 }, limit: 11 })).toMatchObject({
      mode: 'ordered',
      index: 'period_feed',
    })
  })
})
