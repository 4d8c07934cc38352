import type { StaffSignupView } from '@cloud/contracts/class-views'
import { ok } from '../mall/support'

export const teacherMe = ok({ openid: 't-01', nickname: '李老师', isAdmin: false, isTeacher: true })

/** A signup as staff see it (full phone), for the roster and the leads. */
export const staffSignup = (memberId: string, fields: Partial<StaffSignupView> = {}): StaffSignupView => ({
  id: `c1:${memberId}`,
  classId: 'c1',
  sessionId: 's1',
  classTitle: '小学数学一对一诊断课',
  sessionStartAt: Date.UTC(2026, 10, 27, 11),
  memberId,
  nickname: '小明妈妈',
  phone: '13900000001',
  childGradeLabel: '三年级',
  status: 'confirmed',
  statusLabel: '已报名',
  stage: 'new',
  stageLabel: '新线索',
  nextStages: ['contacted', 'booked', 'lost'],
  note: '',
  createdAt: Date.UTC(2026, 10, 25),
  ...fields,
})
