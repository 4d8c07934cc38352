import { callCloud } from '@/shared/cloud'
import type { CampResults } from '@cloud/contracts/camp-results'
import type { DailyTask } from '@cloud/domain/camp'
import type { CampInput } from './camp-form-model'
import type { PeriodInput, PeriodPatch } from './period-form-model'

/** Admin actions of the `camp` function; the function checks the caller is an admin, these pages only hide entries. */

const call = <A extends keyof CampResults>(action: A, payload: Record<string, unknown> = {}) =>
  callCloud<CampResults[A]>('camp', action, payload)

export const adminCamps = () => call('adminCamps', { limit: 50 })
export const adminCamp = (campId: string) => call('adminCamp', { campId })
/** `requestId`: one per form opened; a repeat answers the camp the first one created. */
export const createCamp = (input: CampInput, requestId: string) => call('createCamp', { ...input, requestId })
export const updateCamp = (campId: string, patch: Partial<CampInput>) => call('updateCamp', { campId, ...patch })
export const createPeriod = (input: PeriodInput, requestId: string) => call('createPeriod', { ...input, requestId })
export const updatePeriod = (periodId: string, patch: PeriodPatch) => call('updatePeriod', { periodId, ...patch })
export const publishPeriod = (periodId: string) => call('updatePeriod', { periodId, status: 'open' })
export const setTasks = (periodId: string, tasks: DailyTask[]) => call('setTasks', { periodId, tasks })
export const closePeriod = (periodId: string) => call('closePeriod', { periodId })

/** From the period admin page: stop treating one bound group as the period's group (the server keeps the last one of a group-entry period). */
export const unbindGroup = (periodId: string, groupId: string) => call('unbindGroup', { periodId, groupId })
export const periodTeachers = (periodId: string) => call('periodTeachers', { periodId })
/** `teacher` is the handle a member search answered; assigning twice (or removing an absent one) changes nothing. */
export const setPeriodTeacher = (periodId: string, teacher: string, assigned: boolean) =>
  call('setPeriodTeacher', { periodId, teacher, assigned })
