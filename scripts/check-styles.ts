/**
 * Design-token rule: colour literals (#rgb, #rrggbb…) live only in src/shared/ui/tokens (tokens.scss for styles,
 * index.ts for TypeScript) and in src/app.config.ts (WeChat's app.json takes literal colours). Everything else
 * uses the tokens, so one palette change reaches every page.
 */
import * as fs from 'fs'
import * as path from 'path'

export interface StyleViolation {
  file: string
  line: number
  literal: string
}

const HEX = /#[0-9a-fA-F]{3,8}\b/g
const ALLOWED = (file: string) => file.startsWith('src/shared/ui/tokens/') || file === 'src/app.config.ts'

/** Hex colour literals in one file's text (comments included: a colour in a comment drifts too). */
export function literalsIn(file: string, text: string): StyleViolation[] {
  if (ALLOWED(file) || !/\.(scss|ts|tsx)$/.test(file)) return []
  const out: StyleViolation[] = []
  text.split('\n').forEach((l, i) => {
    // `&#...;` entities and URL fragments are not colours.
    for (const m of l.matchAll(HEX)) if (l[m.index - 1] !== '&' && l[m.index - 1] !== '/') out.push({ file, line: i + 1, literal: m[0] })
  })
  return out
}

function walk(root: string, dir: string, files: string[]): void {
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name)
    if (e.isDirectory()) walk(root, rel, files)
    else files.push(rel)
  }
}

export function checkStyles(root: string): StyleViolation[] {
  const files: string[] = []
  walk(root, 'src', files)
  return files.flatMap((f) => literalsIn(f, fs.readFileSync(path.join(root, f), 'utf8')))
}

/** `$name: value;` pairs of tokens.scss. */
export function scssTokens(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^\$([\w-]+):\s*([^;]+);/gm)].map((m) => [m[1], m[2].trim()]))
}

if (require.main === module) {
  const found = checkStyles(path.join(__dirname, '..'))
  for (const v of found) console.error(`${v.file}:${v.line} colour literal ${v.literal}: use a token from src/shared/ui/tokens`)
  if (found.length) {
    console.error(`style tokens: ${found.length} literal(s)`)
    process.exit(1)
  }
  console.log('style tokens: ok')
}
