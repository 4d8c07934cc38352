/**
 * Demo invites: three personas with codes, invitees in every status for 小明妈妈 (dev-member-01), and counts for
 * the leaderboard. Rewards go through the real ledger service with their real keys, so balances add up; posters
 * (mini-program code images) are made on first view by the emulated wxacode. The over-cap invitee stands for a day
 * whose cap earlier invitees (not seeded) had reached.
 */
import type { AppEmulator as Emulator } from '../app-emulator'
import { newMember } from '../../cloudfunctions/src/domain/identity'
import { dailyId, newInvite, type InviteDoc, type InviteStatsDoc, type InviteStatus } from '../../cloudfunctions/src/domain/invites'
import { businessDay } from '../../cloudfunctions/src/domain/business-day'
import { inviteRewardKey } from '../../cloudfunctions/src/domain/points'
import { pointSdkAt } from '../../emulator/core/sdk-env'

const HOUR = 3_600_000
const POINTS = 50

interface DemoInvitee {
  id: string
  nickname: string
  status: InviteStatus
  /** Hours before now the invitee arrived. */
  hoursAgo: number
}

const INVITERS: { openid: string; code: string; invitees: DemoInvitee[] }[] = [
  {
    openid: 'dev-member-01',
    code: 'XMAMA2',
    invitees: [
      { id: 'demo-invitee-01', nickname: '果果妈妈', status: 'rewarded', hoursAgo: 70 },
      { id: 'demo-invitee-02', nickname: '安安爸爸', status: 'rewarded', hoursAgo: 50 },
      { id: 'demo-invitee-03', nickname: '小雨', status: 'over_cap', hoursAgo: 49 },
      { id: 'demo-invitee-04', nickname: '可可妈妈', status: 'pending', hoursAgo: 5 },
      { id: 'demo-invitee-05', nickname: '天天', status: 'pending', hoursAgo: 1 },
      { id: 'demo-invitee-06', nickname: '豆豆爸爸', status: 'expired', hoursAgo: 24 * 40 },
    ],
  },
  {
    openid: 'dev-member-02',
    code: 'KKBB23',
    invitees: [
      { id: 'demo-invitee-07', nickname: '米粒', status: 'rewarded', hoursAgo: 30 },
      { id: 'demo-invitee-08', nickname: '球球妈妈', status: 'rewarded', hoursAgo: 28 },
      { id: 'demo-invitee-09', nickname: '糖糖', status: 'rewarded', hoursAgo: 26 },
    ],
  },
  {
    openid: 'dev-member-03',
    code: 'DDZZ45',
    invitees: [{ id: 'demo-invitee-10', nickname: '壮壮爸爸', status: 'rewarded', hoursAgo: 10 }],
  },
]

function inviteDoc(inviterId: string, code: string, invitee: DemoInvitee, now: number): InviteDoc {
  const claimedAt = now - invitee.hoursAgo * HOUR
  const base = newInvite(invitee.id, inviterId, code, claimedAt)
  if (invitee.status === 'pending') return { ...base, nextCheckAt: now }
  if (invitee.status === 'expired') return { ...base, status: 'expired', nextCheckAt: null, settledAt: now }
  const settledAt = claimedAt + 2 * HOUR
  const points = invitee.status === 'rewarded' ? POINTS : 0
  return {
    ...base,
    status: invitee.status,
    nextCheckAt: null,
    qualifiedAt: settledAt,
    qualifiedBy: 'checkin',
    settledAt,
    points,
    rewardDay: businessDay(settledAt),
  }
}

export async function seedInvites(emu: Emulator, now: number): Promise<void> {
  pointSdkAt(emu.url)
  const { applyEntry } = await import('../../cloudfunctions/src/services/points/ledger')
  for (const { openid, code, invitees } of INVITERS) {
    await emu.db.insert('invite_codes', [{ _id: code, memberId: openid, createdAt: now - 20 * 24 * HOUR }])
    await emu.db.insert(
      'members',
      invitees.map((i) => ({ ...newMember(i.id, now - i.hoursAgo * HOUR, { channel: 'poster', posterCode: code }), nickname: i.nickname })),
    )
    const docs = invitees.map((i) => inviteDoc(openid, code, i, now))
    await emu.db.insert('invites', docs)
    const daily = new Map<string, number>()
    for (const doc of docs.filter((d) => d.status === 'rewarded')) {
      const out = await applyEntry(
        { _id: inviteRewardKey(doc._id), memberId: openid, amount: POINTS, reason: 'invite_reward', ref: doc._id },
        doc.settledAt ?? now,
      )
      if (!out.ok) throw new Error(`seed invite reward for ${doc._id}: ${out.code}`)
      const key = dailyId(openid, doc.rewardDay ?? '')
      daily.set(key, (daily.get(key) ?? 0) + 1)
    }
    await emu.db.insert(
      'invite_daily',
      [...daily].map(([_id, rewarded]) => ({ _id, inviterId: openid, day: _id.split('@')[1], rewarded })),
    )
    const qualified = docs.filter((d) => d.status === 'rewarded' || d.status === 'over_cap')
    const stats: InviteStatsDoc = {
      _id: openid,
      invited: docs.length,
      qualified: qualified.length,
      rewarded: docs.filter((d) => d.status === 'rewarded').length,
      points: docs.reduce((sum, d) => sum + (d.points ?? 0), 0),
      reachedAt: Math.max(...qualified.map((d) => d.settledAt ?? 0)),
      updatedAt: now,
    }
    await emu.db.insert('invite_stats', [stats])
  }
}
