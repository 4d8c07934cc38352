/**
 * Demo dashboards: conversion rounds and two paid conversions on the running English camp, then the analytics jobs
 * once over everything the other seeds wrote (day stats and funnels of every published period, members' layers), so
 * `npm start` opens 数据看板 with numbers. Runs last: it reads what the other seeds created.
 */
import type { AppEmulator as Emulator } from '../app-emulator'
import { pointSdkAt } from '../../emulator/core/sdk-env'
import { addDays, businessDay } from '../../cloudfunctions/src/domain/business-day'
import type { PeriodDoc } from '../../cloudfunctions/src/domain/camp'

const ADMIN = 'dev-admin'
const PAYERS = [
  { memberId: 'dev-member-01', round: 1, amountFen: 199_00 },
  { memberId: 'dev-member-02', round: 2, amountFen: 299_00 },
]

export async function seedAnalytics(emu: Emulator, now: number): Promise<void> {
  pointSdkAt(emu.url)
  const { setRounds, recordConversion } = await import('../../cloudfunctions/src/services/analytics/conversions')
  const { recomputePeriod } = await import('../../cloudfunctions/src/services/analytics/recompute')
  const { catchUpLayers } = await import('../../cloudfunctions/src/services/analytics/layer-timer')
  const periods = (await emu.db.find('periods', {})) as PeriodDoc[]
  const today = businessDay(now)
  const running = periods.find((p) => p.startDay <= today && p.lengthDays > 7)
  if (running) {
    const end = addDays(running.startDay, running.lengthDays - 1)
    const rounds = await setRounds(
      running._id,
      [
        { name: '结营特惠', startDay: addDays(end, 1) },
        { name: '二轮跟进', startDay: addDays(end, 3) },
        { name: '最后召回', startDay: addDays(end, 7) },
      ],
      now,
    )
    if (!Array.isArray(rounds)) throw new Error(`seed rounds: ${rounds.code}`)
    for (const p of PAYERS) {
      const out = await recordConversion({ periodId: running._id, ...p, note: '演示数据' }, ADMIN, now)
      if ('ok' in out) throw new Error(`seed conversion ${p.memberId}: ${out.code}`)
    }
  }
  for (const period of periods.filter((p) => p.status !== 'draft')) {
    const last = addDays(period.startDay, period.lengthDays - 1)
    const days: string[] = []
    for (let d = period.startDay; d <= today && d <= last; d = addDays(d, 1)) days.push(d)
    await recomputePeriod(period, days, now)
  }
  await catchUpLayers(now, undefined, 0)
}
