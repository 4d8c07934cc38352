import type { ClassDetailView, ClassView, MySignupView, SessionView } from '@cloud/contracts/class-views'

const DAY = 24 * 3600_000
/** 2026-11-27 19:00 Beijing. */
export const START = Date.UTC(2026, 10, 27, 11)

export const classView = (fields: Partial<ClassView> = {}): ClassView => ({
  id: 'c1',
  title: '小学数学一对一诊断课',
  subject: 'math',
  subjectLabel: '数学',
  grades: ['g3', 'g4'],
  gradeLabels: ['三年级', '四年级'],
  description: '30 分钟一对一诊断',
  coverFileId: null,
  teacherName: '李老师',
  signupPoints: 20,
  onShelf: true,
  createdAt: START - 5 * DAY,
  ...fields,
})

export const sessionView = (fields: Partial<SessionView> = {}): SessionView => ({
  id: 's1',
  classId: 'c1',
  startAt: START,
  durationMin: 30,
  capacity: 8,
  taken: 3,
  seatsLeft: 5,
  started: false,
  ...fields,
})

export const mySignup = (fields: Partial<MySignupView> = {}): MySignupView => ({
  id: 'c1:m-01',
  classId: 'c1',
  sessionId: 's1',
  classTitle: '小学数学一对一诊断课',
  sessionStartAt: START,
  status: 'confirmed',
  statusLabel: '已报名',
  phoneMasked: '139****0001',
  childGrade: 'g3',
  childGradeLabel: '三年级',
  waitlistPosition: null,
  cancellable: true,
  reminderSet: false,
  ...fields,
})

export const detailView = (fields: Partial<ClassDetailView> = {}): ClassDetailView => ({
  cls: classView(),
  sessions: [sessionView(), sessionView({ id: 's2', startAt: START + 2 * DAY, taken: 8, seatsLeft: 0 })],
  mySignup: null,
  ...fields,
})
