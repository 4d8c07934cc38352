import { callAction } from '@/shared/cloud'
import type { CloudIdWrapper, RequestOf } from '@cloud/contracts/calls'
import type { Envelope } from '@/shared/cloud/types'
import type { Page } from '@/shared/paging/use-paged-list'
import type { ClassView, MySignupView } from '@cloud/contracts/class-views'
import type { Grade, Subject } from '@cloud/domain/identity'

export const CLASSES_PAGE_SIZE = 20

export interface ClassFilter {
  subject?: Subject
  grade?: Grade
}

export async function listClasses(filter: ClassFilter, cursor?: string): Promise<Envelope<Page<ClassView, string>>> {
  const payload: RequestOf<'classes', 'listClasses'> = { limit: CLASSES_PAGE_SIZE }
  if (filter.subject) payload.subject = filter.subject
  if (filter.grade) payload.grade = filter.grade
  if (cursor !== undefined) payload.cursor = cursor
  const res = await callAction('classes', 'listClasses', payload)
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.cursor } } : res
}

export const getClass = (classId: string) => callAction('classes', 'getClass', { classId })

/** `phone` is the wrapped CloudID (cloudIdValue): the function resolves it, never a typed number. */
export const signUp = (classId: string, sessionId: string, childGrade: Grade, phone: CloudIdWrapper) =>
  callAction('classes', 'signUp', { classId, sessionId, childGrade, phone })

export const cancelSignup = (classId: string) => callAction('classes', 'cancelSignup', { classId })

export const subscribeReminder = (classId: string, accepted: string[]) => callAction('classes', 'subscribeReminder', { classId, accepted })

export async function mySignups(cursor?: string): Promise<Envelope<Page<MySignupView, string>>> {
  const res = await callAction(
    'classes',
    'mySignups',
    cursor === undefined ? { limit: CLASSES_PAGE_SIZE } : { cursor, limit: CLASSES_PAGE_SIZE },
  )
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.cursor } } : res
}
