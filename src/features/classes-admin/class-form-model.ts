import type { ClassView, SessionView } from '@cloud/contracts/class-views'
import type { ClassCreateInput, SessionCreateInput } from '@cloud/contracts/classes'
import type { Grade, Subject } from '@cloud/domain/identity'
import { formatDateTime } from '@/shared/time'

/** The class form as typed; numbers stay strings until checked. */
export interface ClassDraft {
  title: string
  subject: Subject
  grades: Grade[]
  description: string
  teacherName: string
  signupPoints: string
  onShelf: boolean
  /** Kept as loaded (the form has no cover upload yet), so saving never drops a cover. */
  coverFileId: string | null
}

export type DraftErrors = Partial<Record<keyof ClassDraft, string>>

export const emptyDraft = (): ClassDraft => ({
  title: '',
  subject: 'math',
  grades: [],
  description: '',
  teacherName: '',
  signupPoints: '0',
  onShelf: false,
  coverFileId: null,
})

export const draftOf = (c: ClassView): ClassDraft => ({
  title: c.title,
  subject: c.subject,
  grades: [...c.grades],
  description: c.description,
  teacherName: c.teacherName,
  signupPoints: String(c.signupPoints),
  onShelf: c.onShelf,
  coverFileId: c.coverFileId,
})

const chars = (s: string) => [...s.trim()].length

/** The request body, or the Chinese hint per field that is wrong (the function checks again). */
export function checkDraft(d: ClassDraft): { ok: true; input: ClassCreateInput } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {}
  if (chars(d.title) < 1 || chars(d.title) > 40) errors.title = '请填写课程名称（不超过40个字）'
  if (d.grades.length === 0) errors.grades = '请至少选择一个年级'
  if (chars(d.teacherName) < 1 || chars(d.teacherName) > 20) errors.teacherName = '请填写主讲老师（不超过20个字）'
  if (chars(d.description) > 1000) errors.description = '介绍不超过1000个字'
  const points = Number(d.signupPoints.trim() || '0')
  if (!Number.isInteger(points) || points < 0 || points > 10_000) errors.signupPoints = '报名奖励为 0-10000 的整数'
  if (Object.keys(errors).length) return { ok: false, errors }
  return {
    ok: true,
    input: {
      title: d.title.trim(),
      subject: d.subject,
      grades: d.grades,
      description: d.description.trim(),
      coverFileId: d.coverFileId,
      teacherName: d.teacherName.trim(),
      signupPoints: points,
      onShelf: d.onShelf,
    },
  }
}

export interface SessionDraft {
  /** `YYYY-MM-DD` and `HH:mm`, Beijing time. */
  date: string
  time: string
  durationMin: string
  capacity: string
}

export const emptySession = (): SessionDraft => ({ date: '', time: '19:00', durationMin: '45', capacity: '10' })

/** A session as the editor shows it for a change (Beijing date and time). */
export function sessionDraftOf(s: Pick<SessionView, 'startAt' | 'durationMin' | 'capacity'>): SessionDraft {
  const [date, time] = formatDateTime(s.startAt).split(' ')
  return { date, time, durationMin: String(s.durationMin), capacity: String(s.capacity) }
}

/** Beijing wall-clock date and time → epoch ms (UTC+8, no daylight saving). */
export function shanghaiEpoch(date: string, time: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{2}):(\d{2})$/.exec(time)
  if (!d || !t) return null
  return Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]) - 8, Number(t[2]))
}

export function checkSession(s: SessionDraft, now: number): { ok: true; input: SessionCreateInput } | { ok: false; error: string } {
  const startAt = shanghaiEpoch(s.date, s.time)
  if (startAt === null) return { ok: false, error: '请选择开课日期和时间' }
  if (startAt <= now) return { ok: false, error: '开课时间须晚于现在' }
  const durationMin = Number(s.durationMin)
  if (!Number.isInteger(durationMin) || durationMin < 10 || durationMin > 480) return { ok: false, error: '时长为 10-480 分钟' }
  const capacity = Number(s.capacity)
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 10_000) return { ok: false, error: '名额为 1-10000 的整数' }
  return { ok: true, input: { startAt, durationMin, capacity } }
}
