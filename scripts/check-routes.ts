/**
 * Route rule: page paths are spelt once, in the route table (src/shared/route/routes.ts, checked against
 * src/app.config.ts by test/pages/shared/route/routes.test.ts). Anywhere else in src a string literal that starts a
 * page path (`'/features/…'`, `'/pages/…'`, also in a template) is refused: use pageUrl / navigateTo with a route name.
 */
import * as fs from 'fs'
import * as path from 'path'
import { filesUnder } from './source-files'

export interface RouteViolation {
  file: string
  line: number
  text: string
}

const PATH_LITERAL = /['"`]\/(features|pages)\//
const ALLOWED = (file: string) => file.startsWith('src/shared/route/') || file === 'src/app.config.ts'
const COMMENT = /^\s*(\/\/|\/?\*)/

/** Page-path literals in one source file (comment lines are prose, not paths). */
export function pathLiteralsIn(file: string, text: string): RouteViolation[] {
  if (ALLOWED(file) || !/\.(ts|tsx)$/.test(file)) return []
  const out: RouteViolation[] = []
  text.split('\n').forEach((l, i) => {
    if (!COMMENT.test(l) && PATH_LITERAL.test(l)) out.push({ file, line: i + 1, text: l.trim() })
  })
  return out
}

export function checkRoutes(root: string): RouteViolation[] {
  const files = filesUnder(root, 'src')
  return files.flatMap((f) => pathLiteralsIn(f, fs.readFileSync(path.join(root, f), 'utf8')))
}

if (require.main === module) {
  const found = checkRoutes(path.join(__dirname, '..'))
  for (const v of found) console.error(`${v.file}:${v.line} page path literal: use the route table (src/shared/route) — ${v.text}`)
  if (found.length) {
    console.error(`routes: ${found.length} page path literal(s)`)
    process.exit(1)
  }
  console.log('routes: ok')
}
