/** Set-up the e2e and weapp suites share on the demo data: a fresh day of a running period. */
import { addDays, businessDay, businessDayStart } from '../../cloudfunctions/src/domain/business-day'
import type { AppEmulator as Emulator } from '../../local'

/**
 * Moves the emulator to tomorrow 09:00 Shanghai (a fresh day of a running period: nobody has checked in yet), fires
 * the day's triggers, and checks `members` in one minute apart with the texts `textOf` gives. Answers the day.
 */
export async function checkInTomorrow(
  emu: Emulator,
  periodId: string,
  members: readonly string[],
  textOf: (index: number) => string,
): Promise<string> {
  const day = addDays(businessDay(emu.clock.now()), 1)
  emu.clock.set(businessDayStart(day) + 9 * 3_600_000)
  await emu.runtime.fireDueTriggers()
  for (const [i, m] of members.entries()) {
    const res = (await emu.call('camp', { action: 'checkin', periodId, text: textOf(i), images: [], voice: null }, m)) as { code: unknown }
    if (res.code !== 0) throw new Error(`check-in for ${m}: ${JSON.stringify(res)}`)
    emu.clock.advance(60_000)
  }
  return day
}
