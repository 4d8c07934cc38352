import { SHANGHAI_OFFSET_MS } from '../business-day'

/**
 * Value limits of WeChat subscribe messages (subscribeMessage.send `data`), by the key's type prefix (`thing2` is a
 * `thing`). A value that breaks them makes the send fail with 47003 "argument invalid", and so does an empty value.
 *  thing ≤ 20 characters (汉字, digits, letters, symbols); phrase ≤ 5 汉字 only; character_string ≤ 32 digits, letters,
 *  symbols; number ≤ 32 digits; name ≤ 10 汉字 (or ≤ 20 letters); time `2019年10月1日 15:01` (24-hour clock).
 */
export const SUBSCRIBE_LIMITS = { thing: 20, phrase: 5, character_string: 32, number: 32, name: 10 } as const

export type SubscribeData = Record<string, { value: string }>

const chars = (s: string) => [...s].length

/** One line, whitespace collapsed, at most `max` characters: longer text ends with `…`. Never empty (uses `fallback`). */
export function fitThing(text: string, fallback: string, max: number = SUBSCRIBE_LIMITS.thing): string {
  const line = text.replace(/\s+/g, ' ').trim()
  const value = line || fallback
  const all = [...value]
  return all.length <= max ? value : all.slice(0, max - 1).join('') + '…'
}

/** `2026年12月29日 21:05` on the Shanghai wall clock, whatever the server's time zone. */
export function subscribeTime(epochMs: number): string {
  const iso = new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString()
  const [y, mo, d] = iso.slice(0, 10).split('-').map(Number)
  return `${y}年${mo}月${d}日 ${iso.slice(11, 16)}`
}

/** The problems of a data block against the limits above (empty = sendable). */
export function subscribeDataProblems(data: SubscribeData): string[] {
  const problems: string[] = []
  for (const [key, { value }] of Object.entries(data)) {
    const kind = /^([a-z_]+?)\d+$/.exec(key)?.[1]
    if (!value) problems.push(`${key}: empty`)
    else if (kind === 'thing' && chars(value) > SUBSCRIBE_LIMITS.thing) problems.push(`${key}: longer than 20`)
    else if (kind === 'phrase' && !/^\p{Script=Han}{1,5}$/u.test(value)) problems.push(`${key}: not 1–5 汉字`)
    else if (kind === 'character_string' && !/^[\x21-\x7e]{1,32}$/.test(value)) problems.push(`${key}: not ≤ 32 ASCII`)
    else if (kind === 'number' && !/^\d{1,32}(\.\d+)?$/.test(value)) problems.push(`${key}: not a number`)
    else if (kind === 'time' && !/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(value)) problems.push(`${key}: not a time`)
    else if (kind === undefined) problems.push(`${key}: unknown type`)
  }
  return problems
}
