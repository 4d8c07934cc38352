/**
 * CSV that Excel opens correctly: UTF-8 with a byte-order mark (or Excel guesses a legacy code page and garbles
 * Chinese), CRLF line ends, fields quoted per RFC 4180 when needed, and cells that a spreadsheet would run as a
 * formula (= + - @, also after a tab or carriage return) prefixed with an apostrophe.
 */
export const BOM = '\uFEFF'
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

export type CsvValue = string | number | boolean | null

export function csvCell(value: CsvValue): string {
  if (value === null) return ''
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const guarded = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}

export const csvLine = (cells: readonly CsvValue[]): string => cells.map(csvCell).join(',') + '\r\n'

/** A whole document; large exports join csvLine chunks after BOM themselves. */
export const toCsv = (rows: readonly (readonly CsvValue[])[]): string => BOM + rows.map(csvLine).join('')
