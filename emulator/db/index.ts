export { LocalDatabase, type DatabaseOptions } from './local-database'
export { DEFAULT_LIMIT, MAX_LIMIT } from './sdk-actions'
export { DbErrorCode } from './db-errors'
export type { PlanSummary } from './query-planner'
