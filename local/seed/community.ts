/**
 * Demo teams, written through the community services: the English camp's period (seeded by camps.ts, 12 members)
 * split by hand into three named teams of four in persona order (placed one by one, as an operator does on the teams
 * page), each with a 组长 and 学习委员, and the team PK board computed. 星光队 (dev-member-09 … 12) has nobody checked in yet today, so its 组长 梓萱 (dev-member-09) sees who has
 * not and can 一键提醒 the two teammates who granted reminder credits (dev-member-11, 12; the dev WeChat side grants
 * the same credits, so the messages really go out in the emulator's outbox). Call after seedCamps.
 */
import type { AppEmulator as Emulator } from '../app-emulator'
import { pointSdkAt } from '../../emulator/core/sdk-env'
import { REMINDER_TEMPLATE_ID } from '../../cloudfunctions/src/contracts/camp'
import { publicIdOf } from '../../cloudfunctions/src/domain/identity/public-id'

const member = (n: number) => `dev-member-${String(n).padStart(2, '0')}`
/** Four members each, in persona order; the first is 组长, the second 学习委员. */
const TEAMS: readonly { name: string; members: string[] }[] = [
  { name: '晨读队', members: [1, 2, 3, 4].map(member) },
  { name: '飞鸟队', members: [5, 6, 7, 8].map(member) },
  { name: '星光队', members: [9, 10, 11, 12].map(member) },
]
const WITH_CREDITS = ['dev-member-11', 'dev-member-12']

export async function seedCommunity(emu: Emulator, periodId: string, now: number): Promise<void> {
  pointSdkAt(emu.url)
  const { split, rename, grantRole, moveMember } = await import('../../cloudfunctions/src/services/community/manage')
  const { refreshBoard } = await import('../../cloudfunctions/src/services/community/board')
  const { recordSubscription } = await import('../../cloudfunctions/src/services/camp/reminders')
  const { reviewCredits } = await import('../../cloudfunctions/src/services/review/credits')

  const english = { _id: periodId }
  const must = (value: object | { ok: false; code: string }, what: string) => {
    if ('ok' in value && value.ok === false && 'code' in value) throw new Error(`seed community ${what}: ${value.code}`)
  }
  const at = now - 2 * 3_600_000
  must(await split(english._id, { mode: 'manual', teams: TEAMS.length }, at), 'split')
  for (const [i, t] of TEAMS.entries()) {
    must(await rename(english._id, i + 1, t.name, at), `rename ${t.name}`)
    for (const m of t.members) must(await moveMember(english._id, publicIdOf(m), i + 1, at), `place ${m}`)
    must(await grantRole(english._id, publicIdOf(t.members[0]), 'leader', at), `leader ${t.name}`)
    must(await grantRole(english._id, publicIdOf(t.members[1]), 'study_officer', at), `officer ${t.name}`)
  }
  for (const m of WITH_CREDITS) {
    must(
      await recordSubscription(english._id, m, [REMINDER_TEMPLATE_ID], `seed-prompt-${m}`, now - 3_600_000, reviewCredits),
      `credit ${m}`,
    )
    emu.openapi.grantSubscription(m, [REMINDER_TEMPLATE_ID])
  }
  await refreshBoard(english._id, now)
}
