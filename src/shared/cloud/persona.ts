/** Dev identity for local mode only; the weapp build never reads it. */
const KEY = 'dev.persona'
export const DEFAULT_PERSONA = 'dev-member-01'

export function currentPersona(): string {
  try {
    return globalThis.localStorage?.getItem(KEY) || DEFAULT_PERSONA
  } catch {
    return DEFAULT_PERSONA
  }
}

export function setPersona(openid: string): void {
  globalThis.localStorage?.setItem(KEY, openid)
}
