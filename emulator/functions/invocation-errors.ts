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
  // CloudBase's code for an unknown function name: docs.cloudbase.net/error-code/FUNCTION_NOT_FOUND and the
  // FUNCTION_NOT_FOUND row of docs.cloudbase.net/http-api/functions (also seen in TencentCloudBase/cloudbase-js-sdk#5)
  [FUNCTION_NOT_FOUND]: 'FUNCTION_NOT_FOUND',
  [SYS_ERR]: 'SYS_ERR',
}

export function timeoutError(timeoutSec: number): InvocationError {
  return { errCode: FUNCTION_TIMEOUT, errMsg: `Invoking task timed out after ${timeoutSec} seconds` }
}

export function executeError(message: string): InvocationError {
  return { errCode: FUNCTION_EXECUTE_FAIL, errMsg: message }
}

export function notFoundError(name: string): InvocationError {
  // the client's wording, e.g. "errCode: -501000 | errMsg: FunctionName parameter could not be found." (community
  // reports: hzm0321/taro-cloud-print#1, buhuia/xixili#1)
  return { errCode: FUNCTION_NOT_FOUND, errMsg: `[FUNCTION_NOT_FOUND] FunctionName parameter could not be found. (${name})` }
}

export function systemError(message: string): InvocationError {
  return { errCode: SYS_ERR, errMsg: message }
}

/** The CloudBase API code the server answers for an invocation error. */
export function apiCodeOf(error: InvocationError): string {
  return API_CODES[error.errCode] ?? 'SYS_ERR'
}
