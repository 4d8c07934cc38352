/**
 * Demo data for `npm start`, written once on the first run of a data
 * directory. Each feature adds its own demo records here as it lands (camps,
 * materials, classes, mall items) so the local app always shows a living
 * community.
 */
import type { AppEmulator as Emulator } from '../app-emulator'
import { newMember } from '../../cloudfunctions/src/domain/identity'
import { seedAnalytics } from './analytics'
import { seedCamps } from './camps'
import { seedClasses } from './classes'
import { seedCommunity } from './community'
import { seedInvites } from './invites'
import { seedMall } from './mall'
import { seedMaterials } from './materials'

const DAY = 24 * 60 * 60 * 1000

export const SEED_MARKER = { collection: 'sys_meta', id: 'demo-seed' }

/** A member record for each dev persona (roles from the persona), as if each had opened the app at `at`. */
export async function seedPersonaMembers(emu: Emulator, at: number): Promise<void> {
  await emu.db.insert(
    'members',
    emu.personas.map((p) => ({
      ...newMember(p.openid, at),
      nickname: p.nickname,
      roles: p.role === 'member' ? ['member'] : ['member', p.role],
      grade: p.grade ?? null,
    })),
  )
}

/** Returns true when it seeded, false when the data directory already had demo data. */
export async function seedDemoData(emu: Emulator): Promise<boolean> {
  const done = await emu.db.find(SEED_MARKER.collection, { _id: SEED_MARKER.id })
  if (done.length) return false
  const now = emu.clock.now()
  await seedPersonaMembers(emu, now - 14 * DAY)
  await seedMall(emu, now)
  await seedMaterials(emu, now)
  const { englishPeriodId } = await seedCamps(emu, now)
  await seedCommunity(emu, englishPeriodId, now)
  await seedClasses(emu, now)
  await seedInvites(emu, now)
  // ---- analytics: last, it computes over what the seeds above wrote
  await seedAnalytics(emu, now)
  await emu.db.insert(SEED_MARKER.collection, [{ _id: SEED_MARKER.id, seededAt: now, version: 1 }])
  return true
}
