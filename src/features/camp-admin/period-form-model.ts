import { changedFields } from '@/shared/patch'
import type { z } from 'zod'
import type { PeriodInputSchema, PeriodUpdateRequest } from '@cloud/contracts/camp'
import type { AdminPeriodView } from '@cloud/contracts/camp-results'
import type { ContentType, EntryRule } from '@cloud/domain/camp'

/** The period form as typed (strings), and its conversion to `createPeriod` / `updatePeriod` payloads. */
export type PeriodInput = z.input<typeof PeriodInputSchema>
export type PeriodPatch = Omit<z.input<typeof PeriodUpdateRequest>, 'action' | 'periodId'>

export interface PeriodFormValues {
  index: string
  lengthDays: '7' | '14' | '21'
  startDay: string
  contentTypes: ContentType[]
  /** Empty start and end = any time of day. */
  windowStart: string
  windowEnd: string
  cutoffMinutes: number
  capacity: string
  entryKind: EntryRule['kind']
  inviteCode: string
  perCheckin: string
  /** `3:10, 7:30` = +10 at a 3-day streak, +30 at 7. */
  milestones: string
  groupMultiplier: string
  minCheckins: string
  completionBonus: string
  makeupMax: string
  makeupWithin: string
  makeupCost: string
  makeupKeepsStreak: boolean
}

export type PeriodFormErrors = Partial<Record<keyof PeriodFormValues, string>>

export const EMPTY_PERIOD_FORM: PeriodFormValues = {
  index: '1',
  lengthDays: '21',
  startDay: '',
  contentTypes: ['text', 'image', 'voice'],
  windowStart: '',
  windowEnd: '',
  cutoffMinutes: 0,
  capacity: '500',
  entryKind: 'open',
  inviteCode: '',
  perCheckin: '10',
  milestones: '7:30, 14:60, 21:100',
  groupMultiplier: '2',
  minCheckins: '18',
  completionBonus: '100',
  makeupMax: '3',
  makeupWithin: '3',
  makeupCost: '20',
  makeupKeepsStreak: true,
}

/** Streak milestones and the completion requirement that fit each camp length (what a new form starts with). */
export const LENGTH_DEFAULTS: Readonly<Record<PeriodFormValues['lengthDays'], Pick<PeriodFormValues, 'milestones' | 'minCheckins'>>> = {
  '7': { milestones: '3:10, 7:30', minCheckins: '6' },
  '14': { milestones: '3:10, 7:30, 14:60', minCheckins: '12' },
  '21': { milestones: '7:30, 14:60, 21:100', minCheckins: '18' },
}

/**
 * The form after choosing another length: rules still at the old length's defaults take the new length's; edited
 * ones are kept as far as they fit (milestones past the last day dropped, a completion requirement past it reset),
 * so a 7-day period never starts with a 21-day streak bonus the function refuses.
 */
export function withLength(v: PeriodFormValues, lengthDays: PeriodFormValues['lengthDays']): PeriodFormValues {
  if (lengthDays === v.lengthDays) return v
  const before = LENGTH_DEFAULTS[v.lengthDays]
  const after = LENGTH_DEFAULTS[lengthDays]
  const length = Number(lengthDays)
  const parsed = parseMilestones(v.milestones)
  const milestones =
    v.milestones.trim() === before.milestones || !parsed
      ? after.milestones
      : parsed
          .filter((m) => m.days <= length)
          .map((m) => `${m.days}:${m.bonus}`)
          .join(', ')
  const minCheckins = v.minCheckins.trim() === before.minCheckins || !inRange(v.minCheckins, 1, length) ? after.minCheckins : v.minCheckins
  return { ...v, lengthDays, milestones, minCheckins }
}

const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : NaN)
const inRange = (s: string, min: number, max: number) => whole(s) >= min && whole(s) <= max

function parseMilestones(text: string): { days: number; bonus: number }[] | null {
  const parts = text.split(/[,，\s]+/).filter(Boolean)
  const out: { days: number; bonus: number }[] = []
  for (const p of parts) {
    const m = /^(\d+)[:：](\d+)$/.exec(p)
    if (!m) return null
    out.push({ days: Number(m[1]), bonus: Number(m[2]) })
  }
  return out
}

export function validatePeriodForm(v: PeriodFormValues, creating: boolean): PeriodFormErrors {
  const e: PeriodFormErrors = {}
  const length = Number(v.lengthDays)
  if (!inRange(v.index, 1, 999)) e.index = '期数须为 1-999 的整数'
  if (creating && !/^\d{4}-\d{2}-\d{2}$/.test(v.startDay)) e.startDay = '请选择开营日期'
  if (v.contentTypes.length === 0) e.contentTypes = '至少选择一种打卡形式'
  if (!!v.windowStart !== !!v.windowEnd) e.windowEnd = '请同时设置打卡开始和结束时间'
  if (!inRange(v.capacity, 1, 100_000)) e.capacity = '名额须为 1-100000 的整数'
  if (v.entryKind === 'invite_code' && !/^\S{4,32}$/.test(v.inviteCode.trim())) e.inviteCode = '邀请码为 4-32 个字符'
  if (!inRange(v.perCheckin, 0, 10_000)) e.perCheckin = '每次打卡积分须为 0-10000 的整数'
  const milestones = parseMilestones(v.milestones)
  if (!milestones || milestones.some((m) => m.days < 2 || m.days > length || m.bonus > 10_000) || milestones.length > 10)
    e.milestones = `格式如 7:30, 14:60（天数 2-${length}，最多 10 项）`
  const multiplier = Number(v.groupMultiplier)
  if (!(multiplier >= 1 && multiplier <= 5)) e.groupMultiplier = '群内打卡倍数须在 1-5 之间'
  if (!inRange(v.minCheckins, 1, length)) e.minCheckins = `结营要求须为 1-${length} 天`
  if (!inRange(v.completionBonus, 0, 10_000)) e.completionBonus = '结营奖励须为 0-10000 的整数'
  if (!inRange(v.makeupMax, 0, 21)) e.makeupMax = '补卡次数须为 0-21 的整数'
  if (!inRange(v.makeupWithin, 1, 20)) e.makeupWithin = '补卡期限须为 1-20 天'
  if (!inRange(v.makeupCost, 0, 10_000)) e.makeupCost = '补卡积分须为 0-10000 的整数'
  return e
}

function entryOf(v: PeriodFormValues): PeriodInput['entry'] {
  if (v.entryKind === 'invite_code') return { kind: 'invite_code', code: v.inviteCode.trim() }
  return { kind: v.entryKind }
}

/** The fields both payloads share, from a form that passed validation. */
function settings(v: PeriodFormValues) {
  return {
    index: whole(v.index),
    lengthDays: Number(v.lengthDays) as 7 | 14 | 21,
    contentTypes: v.contentTypes,
    window: v.windowStart && v.windowEnd ? { start: v.windowStart, end: v.windowEnd } : null,
    cutoffMinutes: v.cutoffMinutes,
    capacity: whole(v.capacity),
    points: {
      perCheckin: whole(v.perCheckin),
      streakMilestones: parseMilestones(v.milestones) ?? [],
      completion: { minCheckins: whole(v.minCheckins), bonus: whole(v.completionBonus) },
      groupMultiplier: Number(v.groupMultiplier),
    },
    makeup: {
      maxCount: whole(v.makeupMax),
      withinDays: whole(v.makeupWithin),
      cost: whole(v.makeupCost),
      keepsStreak: v.makeupKeepsStreak,
    },
  }
}

export function toPeriodInput(v: PeriodFormValues, campId: string): PeriodInput {
  return { campId, ...settings(v), startDay: v.startDay, entry: entryOf(v), tasks: [] }
}

/** Only what changed against the saved period, so an edit never resets a rule the admin did not touch. */
export function toPeriodPatch(v: PeriodFormValues, original: PeriodFormValues): PeriodPatch {
  return changedFields<PeriodPatch>(
    { ...settings(v), startDay: v.startDay, entry: entryOf(v) },
    { ...settings(original), startDay: original.startDay, entry: entryOf(original) },
  )
}

export function valuesFromPeriod(p: AdminPeriodView): PeriodFormValues {
  return {
    index: String(p.index),
    lengthDays: String(p.lengthDays) as PeriodFormValues['lengthDays'],
    startDay: p.startDay,
    contentTypes: [...p.contentTypes],
    windowStart: p.window?.start ?? '',
    windowEnd: p.window?.end ?? '',
    cutoffMinutes: p.cutoffMinutes,
    capacity: String(p.capacity),
    entryKind: p.entry.kind,
    inviteCode: p.entry.kind === 'invite_code' ? p.entry.code : '',
    perCheckin: String(p.points.perCheckin),
    milestones: p.points.streakMilestones.map((m) => `${m.days}:${m.bonus}`).join(', '),
    groupMultiplier: String(p.points.groupMultiplier),
    minCheckins: String(p.points.completion.minCheckins),
    completionBonus: String(p.points.completion.bonus),
    makeupMax: String(p.makeup.maxCount),
    makeupWithin: String(p.makeup.withinDays),
    makeupCost: String(p.makeup.cost),
    makeupKeepsStreak: p.makeup.keepsStreak,
  }
}
