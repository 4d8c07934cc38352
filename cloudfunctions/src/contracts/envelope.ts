/**
 * The one response envelope every cloud function returns.
 * Expected failures carry a stable dotted code (e.g. `POINTS.INSUFFICIENT`)
 * and a Chinese message the client can show as is.
 */
export type Ok<T> = { code: 0; data: T }
export type Fail = { code: string; message: string; details?: unknown }
export type Envelope<T> = Ok<T> | Fail

export const ok = <T>(data: T): Ok<T> => ({ code: 0, data })
export const fail = (code: string, message: string, details?: unknown): Fail =>
  details === undefined ? { code, message } : { code, message, details }

export const isOk = <T>(e: Envelope<T>): e is Ok<T> => e.code === 0
