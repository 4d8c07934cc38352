import { callCloud } from '@/shared/cloud'
import type { Envelope } from '@/shared/cloud/types'
import type { Page } from '@/shared/paging/use-paged-list'
import type {
  ClassDetailView,
  ClassPage,
  ClassView,
  LeadPage,
  RosterView,
  SessionView,
  StaffSignupView,
} from '@cloud/contracts/class-views'
import type { ClassCreateInput, ClassPatchInput, SessionCreateInput, SessionPatchInput } from '@cloud/contracts/classes'
import type { LeadStage } from '@cloud/domain/classes'

const PAGE = 20

export async function adminClasses(cursor?: string): Promise<Envelope<Page<ClassView, string>>> {
  const res = await callCloud<ClassPage>('classes', 'adminClasses', cursor === undefined ? { limit: PAGE } : { cursor, limit: PAGE })
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.cursor } } : res
}

export const classDetail = (classId: string) => callCloud<ClassDetailView>('classes', 'getClass', { classId })
export const createClass = (cls: ClassCreateInput, requestId: string) => callCloud<ClassView>('classes', 'createClass', { cls, requestId })
export const updateClass = (classId: string, patch: ClassPatchInput) => callCloud<ClassView>('classes', 'updateClass', { classId, patch })
export const addSession = (classId: string, session: SessionCreateInput, requestId: string) =>
  callCloud<SessionView>('classes', 'addSession', { classId, session, requestId })
export const updateSession = (sessionId: string, patch: SessionPatchInput) =>
  callCloud<SessionView>('classes', 'updateSession', { sessionId, patch })

export const roster = (sessionId: string) => callCloud<RosterView>('classes', 'roster', { sessionId })
export const markAttendance = (signupId: string, mark: 'attended' | 'absent') =>
  callCloud<StaffSignupView>('classes', 'markAttendance', { signupId, mark })

export async function leads(stage: LeadStage | undefined, cursor?: string): Promise<Envelope<Page<StaffSignupView, string>>> {
  const payload: Record<string, unknown> = { limit: PAGE }
  if (stage) payload.stage = stage
  if (cursor !== undefined) payload.cursor = cursor
  const res = await callCloud<LeadPage>('classes', 'leads', payload)
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.cursor } } : res
}

export const updateLead = (signupId: string, stage: LeadStage, note?: string) =>
  callCloud<StaffSignupView>('classes', 'updateLead', note === undefined ? { signupId, stage } : { signupId, stage, note })
