/**
 * Writes SheetSpecs (domain/analytics/workbook.ts) as an .xlsx with exceljs: a bold, frozen header row, column widths
 * and number formats. Strings are written as text cells, so a nickname such as `=HYPERLINK(…)` is never a formula.
 * The streaming writer commits each row as it goes (a 10,000-member period stays far below a function's memory), and
 * exceljs is loaded on the first export only, so the dashboard actions of a cold instance do not pay for it.
 */
import { PassThrough } from 'stream'
import type { ColumnFormat, SheetSpec } from '../../domain/analytics'

const NUMBER_FORMAT: Record<ColumnFormat, string> = {
  text: '@',
  int: '0',
  percent: '0.0%',
  yuan: '0.00',
}

export async function workbookBuffer(sheets: readonly SheetSpec[], createdAt: Date): Promise<Buffer> {
  // A CommonJS package: bundled, its exports are the namespace; under a plain ESM loader they sit on `default`.
  const exceljs: typeof import('exceljs') & { default?: typeof import('exceljs') } = await import('exceljs')
  const { stream } = exceljs.stream ? exceljs : (exceljs.default ?? exceljs)
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  const book = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  book.creator = '学习社群'
  book.created = createdAt
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width, style: { numFmt: NUMBER_FORMAT[c.format] } }))
    const head = sheet.getRow(1)
    head.font = { bold: true }
    head.commit()
    for (const row of spec.rows) sheet.addRow(row).commit()
    sheet.commit()
  }
  await book.commit()
  await done
  return Buffer.concat(chunks)
}
