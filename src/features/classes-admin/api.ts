import { callAction } from '@/shared/cloud'
import type { RequestOf } from '@cloud/contracts/calls'
import type { Envelope } from '@/shared/cloud/types'
import type { Page } from '@/shared/paging/use-paged-list'
import type { ClassView, StaffSignupView } from '@cloud/contracts/class-views'
import type { ClassCreateInput, ClassPatchInput, SessionCreateInput, SessionPatchInput } from '@cloud/contracts/classes'
import type { LeadStage } from '@cloud/domain/classes'

const PAGE = 20

export async function adminClasses(cursor?: string): Promise<Envelope<Page<ClassView, string>>> {
  const res = await callAction('classes', 'adminClasses', cursor === undefined ? { limit: PAGE } : { cursor, limit: PAGE })
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.cursor } } : res
}

export const classDetail = (classId: string) => callAction('classes', 'getClass', { classId })
export const createClass = (cls: ClassCreateInput, requestId: string) => callAction('classes', 'createClass', { cls, requestId })
export const updateClass = (classId: string, patch: ClassPatchInput) => callAction('classes', 'updateClass', { classId, patch })
export const addSession = (classId: string, session: SessionCreateInput, requestId: string) =>
  callAction('classes', 'addSession', { classId, session, requestId })
export const updateSession = (sessionId: string, patch: SessionPatchInput) => callAction('classes', 'updateSession', { sessionId, patch })

export const roster = (sessionId: string) => callAction('classes', 'roster', { sessionId })
export const markAttendance = (signupId: string, mark: 'attended' | 'absent') => callAction('classes', 'markAttendance', { signupId, mark })

export async function leads(stage: LeadStage | undefined, cursor?: string): Promise<Envelope<Page<StaffSignupView, string>>> {
  const payload: RequestOf<'classes', 'leads'> = { limit: PAGE }
  if (stage) payload.stage = stage
  if (cursor !== undefined) payload.cursor = cursor
  const res = await callAction('classes', 'leads', payload)
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.cursor } } : res
}

export const updateLead = (signupId: string, stage: LeadStage, note?: string) =>
  callAction('classes', 'updateLead', note === undefined ? { signupId, stage } : { signupId, stage, note })
