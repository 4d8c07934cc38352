/**
 * Demo free classes: 小学数学一对一诊断课 (with a signup award) and 初中英语口语体验课, each with sessions in the coming
 * days, and signups from a few personas in different lead stages (one session full, with a waitlist). Written
 * through the real services, with phone CloudIDs issued by the emulator exactly as the phone-number button gets them.
 */
import type { AppEmulator as Emulator } from '../app-emulator'
import { SHANGHAI_OFFSET_MS } from '../../cloudfunctions/src/domain/business-day'
import type { LeadStage } from '../../cloudfunctions/src/domain/classes'
import { pointSdkAt } from '../../emulator/core/sdk-env'

const DAY = 24 * 3600_000
const HOUR = 3600_000

/** `days` from today at `hour` o'clock, China time. */
function shanghaiAt(now: number, days: number, hour: number): number {
  const midnight = Math.floor((now + SHANGHAI_OFFSET_MS) / DAY) * DAY - SHANGHAI_OFFSET_MS
  return midnight + days * DAY + hour * HOUR
}

export async function seedClasses(emu: Emulator, now: number): Promise<void> {
  pointSdkAt(emu.url)
  const { createClass, addSession } = await import('../../cloudfunctions/src/services/classes/admin')
  const { signUp } = await import('../../cloudfunctions/src/services/classes/signup')
  const { updateLead } = await import('../../cloudfunctions/src/services/classes/staff')
  const math = await createClass(
    {
      title: '小学数学一对一诊断课',
      subject: 'math',
      grades: ['g3', 'g4', 'g5', 'g6'],
      description: '30 分钟线上一对一：老师带孩子做一套诊断题，当场讲解薄弱点，课后给出学习建议。报名即送 20 积分。',
      coverFileId: null,
      teacherName: '李老师',
      signupPoints: 20,
      onShelf: true,
    },
    'seed-class-math',
    'seed',
    now,
  )
  const english = await createClass(
    {
      title: '初中英语口语体验课',
      subject: 'english',
      grades: ['g7', 'g8', 'g9'],
      description: '外教小班口语体验，一节课练开口、纠发音，课后附口语水平评估。',
      coverFileId: null,
      teacherName: '张老师',
      signupPoints: 0,
      onShelf: true,
    },
    'seed-class-english',
    'seed',
    now,
  )
  const mathSoon = await addSession(
    math.id,
    { startAt: shanghaiAt(now, 2, 19), durationMin: 30, capacity: 8 },
    'seed-session-1',
    'seed',
    now,
  )
  await addSession(math.id, { startAt: shanghaiAt(now, 4, 10), durationMin: 30, capacity: 8 }, 'seed-session-2', 'seed', now)
  const englishSoon = await addSession(
    english.id,
    { startAt: shanghaiAt(now, 1, 19), durationMin: 45, capacity: 2 },
    'seed-session-3',
    'seed',
    now,
  )
  await addSession(english.id, { startAt: shanghaiAt(now, 3, 19), durationMin: 45, capacity: 6 }, 'seed-session-4', 'seed', now)
  if ('ok' in mathSoon || 'ok' in englishSoon) throw new Error('seed classes: session refused')

  const persona = (openid: string) => emu.personas.find((p) => p.openid === openid)
  const signups: [string, string, string, 'g4' | 'g5' | 'g7' | 'g8', LeadStage, string][] = [
    ['dev-member-02', math.id, mathSoon.id, 'g4', 'contacted', '家长希望周末上课'],
    ['dev-member-03', math.id, mathSoon.id, 'g5', 'booked', '已约周六诊断'],
    ['dev-member-04', math.id, mathSoon.id, 'g4', 'new', ''],
    ['dev-member-06', english.id, englishSoon.id, 'g7', 'paid', '已报名春季口语班'],
    ['dev-member-07', english.id, englishSoon.id, 'g8', 'new', ''],
    ['dev-member-08', english.id, englishSoon.id, 'g7', 'new', ''],
  ]
  for (const [openid, classId, sessionId, childGrade, stage, note] of signups) {
    const p = persona(openid)
    if (!p) continue
    const data = { phoneNumber: p.phoneNumber, purePhoneNumber: p.phoneNumber, countryCode: '86' }
    const phone = emu.openapi.issueCloudId(p.openid, 'phoneNumber', data)
    const out = await signUp({ memberId: p.openid, classId, sessionId, phone, childGrade, now })
    if ('ok' in out) throw new Error(`seed signup ${openid}: ${out.code}`)
    for (const step of pathTo(stage)) await updateLead(out.id, step, step === stage ? note : undefined, 'dev-admin', now)
  }
}

/** The stages a lead passes through to reach `stage`. */
function pathTo(stage: LeadStage): LeadStage[] {
  const path: Record<LeadStage, LeadStage[]> = {
    new: [],
    contacted: ['contacted'],
    booked: ['contacted', 'booked'],
    paid: ['contacted', 'booked', 'paid'],
    lost: ['lost'],
  }
  return path[stage]
}
