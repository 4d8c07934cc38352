/** The tracking repository: `events`, the conversion events (schema in domain/identity/events.ts). */
import { repository } from '../../shared/repository'

export const EVENTS = 'events'
/** Tracking's cursors (the derived check-in events'). */
export const SYS_META = 'sys_meta'

export const repo = repository('tracking')
