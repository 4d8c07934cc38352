/**
 * The error kernel shared by every feature. Expected failures are values with a stable dotted code and a Chinese
 * message the page can show as is (they map 1:1 onto the envelope's `{ code, message }`). Only bugs throw. Each
 * feature keeps its codes and messages in its own `rejections.ts`.
 */
export interface Rejection<C extends string = string> {
  ok: false
  code: C
  message: string
  details?: Readonly<Record<string, string | number>>
}

export function reject<C extends string>(code: C, message: string, details?: Record<string, string | number>): Rejection<C> {
  return details === undefined ? { ok: false, code, message } : { ok: false, code, message, details }
}

export function isRejection(value: unknown): value is Rejection {
  return !!value && typeof value === 'object' && (value as Rejection).ok === false && typeof (value as Rejection).code === 'string'
}
