import type { Grade, Subject } from '../identity/member'

/**
 * Free classes (免费课): a class is the offer (title, grade tags, the signup award), a session is one time slot
 * with a capacity, a signup is one member's place in one class (at most one per class, `_id` = `{classId}:{memberId}`),
 * and the signup doubles as a sales lead with its own pipeline stage.
 */
export interface FreeClass {
  _id: string
  title: string
  subject: Subject
  /** Grade tags; the member list filters by any one of them. */
  grades: Grade[]
  description: string
  /** Cloud storage fileID of the cover, if any. */
  coverFileId: string | null
  teacherName: string
  /** Points a confirmed signup earns once per member per class; 0 = none. */
  signupPoints: number
  onShelf: boolean
  createdAt: number
  updatedAt: number
}

export interface ClassSession {
  _id: string
  classId: string
  /** Epoch ms. */
  startAt: number
  durationMin: number
  capacity: number
  /** How many seat shards hold the capacity; fixed at creation (a capacity edit changes shares, never the count). */
  seatShards: number
  createdAt: number
  updatedAt: number
}

/** Read by the materials feature (confirmed or attended unlock "after signup" materials): never rename these. */
export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'attended', 'absent'] as const
export type SignupStatus = (typeof SIGNUP_STATUSES)[number]

export const SIGNUP_STATUS_LABELS: Readonly<Record<SignupStatus, string>> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
  attended: '已出席',
  absent: '缺席',
}

/** The statuses that hold (or wait for) a place: a member with one cannot sign up for another session. */
export const ACTIVE_STATUSES: readonly SignupStatus[] = ['confirmed', 'waitlisted']

export const LEAD_STAGES = ['new', 'contacted', 'booked', 'paid', 'lost'] as const
export type LeadStage = (typeof LEAD_STAGES)[number]

export const LEAD_STAGE_LABELS: Readonly<Record<LeadStage, string>> = {
  new: '新线索',
  contacted: '已联系',
  booked: '已约诊断',
  paid: '已付费',
  lost: '已流失',
}

export interface Signup {
  /** `{classId}:{memberId}`. */
  _id: string
  classId: string
  sessionId: string
  memberId: string
  status: SignupStatus
  /** Resolved from the member's phone-number CloudID by the function; shown in full to staff only. */
  phone: string
  childGrade: Grade
  /** Snapshots for the roster, leads and "my signups" without reading the class. */
  classTitle: string
  sessionStartAt: number
  /** The seat shard a confirmed signup holds (so a cancel frees that one). */
  seatShard: number | null
  /** When the member joined the waitlist (its order); null unless waitlisted. */
  waitlistedAt: number | null
  stage: LeadStage
  note: string
  createdAt: number
  updatedAt: number
  confirmedAt: number | null
  cancelledAt: number | null
  /** Subscribe-message reminder: when it is due (null: no credit or already sent). */
  remindAt: number | null
}

export const signupIdOf = (classId: string, memberId: string) => `${classId}:${memberId}`

/** The ledger key of a class's signup award: once per member per class, whatever happens to the signup. */
export const signupAwardKey = (classId: string, memberId: string) => `class_signup:${classId}:${memberId}`

/** `138****5678`: what a member sees of their own number. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}

/** Members who granted a reminder credit get one message this long before their session. */
export const REMINDER_LEAD_MS = 2 * 3600_000

export const reminderDueAt = (sessionStartAt: number) => sessionStartAt - REMINDER_LEAD_MS
