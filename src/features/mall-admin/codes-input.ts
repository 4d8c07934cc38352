/** Parses codes pasted one per line (as exported from a supplier's sheet) before `addCodes`. */
export const CODE_PATTERN = /^[A-Za-z0-9-]{4,64}$/
export const MAX_CODES_PER_IMPORT = 500

export interface ParsedCodes {
  /** Valid, distinct, in paste order. */
  codes: string[]
  /** Lines that are not a valid code (shown so the admin can fix them). */
  invalid: string[]
  /** Repeats within the paste, dropped. */
  repeated: number
}

export function parseCodes(text: string): ParsedCodes {
  const seen = new Set<string>()
  const invalid: string[] = []
  let repeated = 0
  for (const line of text.split(/\r?\n/)) {
    const code = line.trim()
    if (!code) continue
    if (!CODE_PATTERN.test(code)) invalid.push(code)
    else if (seen.has(code)) repeated++
    else seen.add(code)
  }
  return { codes: [...seen], invalid, repeated }
}
