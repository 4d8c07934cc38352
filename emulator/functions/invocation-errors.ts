/**
 * Failures of an invocation as WeChat reports them to `wx.cloud.callFunction`
 * (errCode / errMsg) and as the CloudBase API answers `functions.invokeFunction`
 * (code / message), which wx-server-sdk turns back into errCode
 * (FUNCTIONS_EXECUTE_FAIL → -504002; unknown codes → -501001 SYS_ERR).
 */

export interface InvocationError {
  errCode: number
  errMsg: string
}

/** Client message, e.g. "errCode: -504003 | errMsg: Invoking task timed out after 3 seconds". */
export const FUNCTION_TIMEOUT = -504003
export const FUNCTION_EXECUTE_FAIL = -504002
export const FUNCTION_NOT_FOUND = -501000
export const SYS_ERR = -501001

const API_CODES: Record<number, string> = {
  [FUNCTION_TIMEOUT]: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
  [FUNCTION_EXECUTE_FAIL]: 'FUNCTIONS_EXECUTE_FAIL',
  [FUNCTION_NOT_FOUND]: 'ResourceNotFound.Function',
  [SYS_ERR]: 'SYS_ERR',
}

export function timeoutError(timeoutSec: number): InvocationError {
  return { errCode: FUNCTION_TIMEOUT, errMsg: `Invoking task timed out after ${timeoutSec} seconds` }
}

export function executeError(message: string): InvocationError {
  return { errCode: FUNCTION_EXECUTE_FAIL, errMsg: message }
}

export function notFoundError(name: string): InvocationError {
  return { errCode: FUNCTION_NOT_FOUND, errMsg: `[ResourceNotFound.Function] function ${name} not found, please create it first` }
}

export function systemError(message: string): InvocationError {
  return { errCode: SYS_ERR, errMsg: message }
}

/** The CloudBase API code the server answers for an invocation error. */
export function apiCodeOf(error: InvocationError): string {
  return API_CODES[error.errCode] ?? 'SYS_ERR'
}
