import {
  LEAD_STAGE_LABELS,
  maskPhone,
  nextStages,
  SIGNUP_STATUS_LABELS,
  type ClassSession,
  type FreeClass,
  type LeadStage,
  type Signup,
  type SignupStatus,
} from '../domain/classes'
import { GRADE_LABEL, SUBJECT_LABEL, type Grade, type Subject } from '../domain/identity'

/** What the `classes` function answers with; pages import these as types only. */

export interface ClassView {
  id: string
  title: string
  subject: Subject
  subjectLabel: string
  grades: Grade[]
  gradeLabels: string[]
  description: string
  coverFileId: string | null
  teacherName: string
  signupPoints: number
  onShelf: boolean
  createdAt: number
}

export interface SessionView {
  id: string
  classId: string
  startAt: number
  durationMin: number
  capacity: number
  /** Confirmed seats taken. */
  taken: number
  seatsLeft: number
  started: boolean
}

export interface MySignupView {
  id: string
  classId: string
  sessionId: string
  classTitle: string
  sessionStartAt: number
  status: SignupStatus
  statusLabel: string
  /** The member's own number, masked. */
  phoneMasked: string
  childGrade: Grade
  childGradeLabel: string
  /** 1-based place on the session's waitlist; null unless waitlisted. */
  waitlistPosition: number | null
  cancellable: boolean
  reminderSet: boolean
}

export interface ClassDetailView {
  cls: ClassView
  sessions: SessionView[]
  mySignup: MySignupView | null
}

export interface ClassPage {
  items: ClassView[]
  cursor: string | null
}

export interface MySignupPage {
  items: MySignupView[]
  cursor: string | null
}

/** Staff only: the full phone number. */
export interface StaffSignupView {
  id: string
  classId: string
  sessionId: string
  classTitle: string
  sessionStartAt: number
  memberId: string
  nickname: string
  phone: string
  childGradeLabel: string
  status: SignupStatus
  statusLabel: string
  stage: LeadStage
  stageLabel: string
  nextStages: LeadStage[]
  note: string
  createdAt: number
}

export interface RosterView {
  session: SessionView
  classTitle: string
  confirmed: StaffSignupView[]
  waitlisted: StaffSignupView[]
}

export interface LeadPage {
  items: StaffSignupView[]
  cursor: string | null
}

export function toClassView(c: FreeClass): ClassView {
  return {
    id: c._id,
    title: c.title,
    subject: c.subject,
    subjectLabel: SUBJECT_LABEL[c.subject],
    grades: c.grades,
    gradeLabels: c.grades.map((g) => GRADE_LABEL[g]),
    description: c.description,
    coverFileId: c.coverFileId,
    teacherName: c.teacherName,
    signupPoints: c.signupPoints,
    onShelf: c.onShelf,
    createdAt: c.createdAt,
  }
}

export function toSessionView(s: ClassSession, taken: number, now: number): SessionView {
  return {
    id: s._id,
    classId: s.classId,
    startAt: s.startAt,
    durationMin: s.durationMin,
    capacity: s.capacity,
    taken,
    seatsLeft: Math.max(0, s.capacity - taken),
    started: now >= s.startAt,
  }
}

export function toMySignupView(s: Signup, now: number, waitlistPosition: number | null = null): MySignupView {
  return {
    id: s._id,
    classId: s.classId,
    sessionId: s.sessionId,
    classTitle: s.classTitle,
    sessionStartAt: s.sessionStartAt,
    status: s.status,
    statusLabel: SIGNUP_STATUS_LABELS[s.status],
    phoneMasked: maskPhone(s.phone),
    childGrade: s.childGrade,
    childGradeLabel: GRADE_LABEL[s.childGrade],
    waitlistPosition: s.status === 'waitlisted' ? waitlistPosition : null,
    cancellable: (s.status === 'confirmed' || s.status === 'waitlisted') && now < s.sessionStartAt,
    reminderSet: s.remindAt !== null,
  }
}

export function toStaffSignupView(s: Signup, nickname: string): StaffSignupView {
  return {
    id: s._id,
    classId: s.classId,
    sessionId: s.sessionId,
    classTitle: s.classTitle,
    sessionStartAt: s.sessionStartAt,
    memberId: s.memberId,
    nickname,
    phone: s.phone,
    childGradeLabel: GRADE_LABEL[s.childGrade],
    status: s.status,
    statusLabel: SIGNUP_STATUS_LABELS[s.status],
    stage: s.stage,
    stageLabel: LEAD_STAGE_LABELS[s.stage],
    nextStages: [...nextStages(s.stage)],
    note: s.note,
    createdAt: s.createdAt,
  }
}
