import { z } from 'zod'
import { isCalendarDay } from '../domain/business-day'
import { isHHmm } from '../domain/camp'

/**
 * The one place request fields that name a date or a time are checked: every contract imports these, so an
 * impossible value ('2026-02-30', '2026-13-45', '24:00', a day or an epoch after 2199) is REQUEST.INVALID at the handler and
 * never reaches date arithmetic that would throw (SYS.INTERNAL).
 */

/**
 * Requests name days and instants from 1970 through 2199: far enough for any camp, class or sale, and far enough from
 * year 10000 that adding a period's length or the Shanghai offset still gives a `YYYY-MM-DD` the date code can read.
 */
export const LAST_DAY = '2199-12-31'
/** 2199-12-31T23:59:59.999Z. */
export const MAX_EPOCH_MS = 7258118399999

/** A business day `YYYY-MM-DD` that exists on the calendar. */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isCalendarDay, '日期不存在')
  .refine((day) => day <= LAST_DAY, '日期超出范围')
/** A wall-clock time `HH:mm` (00:00–23:59). */
export const HHmmSchema = z.string().refine(isHHmm, '时间格式应为 HH:mm')
/** An instant in epoch milliseconds. */
export const EpochMsSchema = z.number().int().min(0).max(MAX_EPOCH_MS, '时间不正确')
