/** The tracking repository: `events`, the conversion events (schema in domain/identity/events.ts). */
import { repository } from '../../shared/repository'

export const EVENTS = 'events'

export const repo = repository('tracking')
