import { callAction } from '@/shared/cloud'
import type { DailyTask } from '@cloud/domain/camp'
import type { BadgeId } from '@cloud/domain/community'
import type { CampInput } from './camp-form-model'
import type { PeriodInput, PeriodPatch } from './period-form-model'

/** Admin actions of the `camp` function; the function checks the caller is an admin, these pages only hide entries. */

export const adminCamps = () => callAction('camp', 'adminCamps', { limit: 50 })
export const adminCamp = (campId: string) => callAction('camp', 'adminCamp', { campId })
/** `requestId`: one per form opened; a repeat answers the camp the first one created. */
export const createCamp = (input: CampInput, requestId: string) => callAction('camp', 'createCamp', { ...input, requestId })
export const updateCamp = (campId: string, patch: Partial<CampInput>) => callAction('camp', 'updateCamp', { campId, ...patch })
export const createPeriod = (input: PeriodInput, requestId: string) => callAction('camp', 'createPeriod', { ...input, requestId })
export const updatePeriod = (periodId: string, patch: PeriodPatch) => callAction('camp', 'updatePeriod', { periodId, ...patch })
export const publishPeriod = (periodId: string) => callAction('camp', 'updatePeriod', { periodId, status: 'open' })
export const setTasks = (periodId: string, tasks: DailyTask[]) => callAction('camp', 'setTasks', { periodId, tasks })
export const closePeriod = (periodId: string) => callAction('camp', 'closePeriod', { periodId })

/** From the period admin page: stop treating one bound group as the period's group (the server keeps the last one of a group-entry period). */
export const unbindGroup = (periodId: string, groupId: string) => callAction('camp', 'unbindGroup', { periodId, groupId })
export const periodTeachers = (periodId: string) => callAction('camp', 'periodTeachers', { periodId })
/** `teacher` is the handle a member search answered; assigning twice (or removing an absent one) changes nothing. */
export const setPeriodTeacher = (periodId: string, teacher: string, assigned: boolean) =>
  callAction('camp', 'setPeriodTeacher', { periodId, teacher, assigned })

/** 激励设置 of a period (community function, operators only): streak tiers and badge points. */
export const periodIncentives = (periodId: string) => callAction('community', 'incentives', { periodId })
export const setIncentives = (
  periodId: string,
  tiers: { fromDays: number; multiplier: number }[],
  badgePoints: Partial<Record<BadgeId, number>>,
) => callAction('community', 'setIncentives', { periodId, tiers, badgePoints })
