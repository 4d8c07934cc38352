export {
  FunctionRuntime,
  DEFAULT_ENV_ID,
  TIMER_SOURCE,
  type FunctionRuntimeOptions,
  type FunctionSummary,
  type InvokeOutcome,
  type InvocationRecord,
} from './function-runtime'
export type { Invoker } from './wx-context'
export type { CallerInfo } from './caller-registry'
export type { TimerEvent } from './timer-triggers'
export { parseTimerSchedule, timerEventTime, TRIGGER_TIMEZONE, type TimerSchedule } from './timer-schedule'
export { FUNCTION_TIMEOUT, FUNCTION_EXECUTE_FAIL, FUNCTION_NOT_FOUND, SYS_ERR, apiCodeOf, type InvocationError } from './invocation-errors'
export { DEFAULT_FUNCTIONS_DIR, DEFAULT_TIMEOUT_SEC } from './function-catalog'
