/**
 * Design-token rule: colour literals (#rgb, #rrggbb…) live only in src/shared/ui/tokens (tokens.scss for styles,
 * index.ts for TypeScript) and in src/app.config.ts (WeChat's app.json takes literal colours). Everything else
 * uses the tokens, so one palette change reaches every page.
 *
 * Accessibility rule: a `<View>` with an `onClick` is a button to a screen reader only when it says so, so every
 * clickable View carries a `role` (`role='button'`; add an `aria-label` where its text does not say what it does).
 */
import * as fs from 'fs'
import * as path from 'path'
import { filesUnder } from './source-files'

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

export function checkStyles(root: string): StyleViolation[] {
  const files = filesUnder(root, 'src')
  return files.flatMap((f) => literalsIn(f, fs.readFileSync(path.join(root, f), 'utf8')))
}

export interface AriaViolation {
  file: string
  line: number
}

/** The attribute text of each `<View …>` opening tag (up to its `>` outside braces and strings), with its offset. */
function viewOpenings(text: string): { at: number; attrs: string }[] {
  const out: { at: number; attrs: string }[] = []
  for (const m of text.matchAll(/<View\b/g)) {
    let i = m.index + m[0].length
    let depth = 0
    let quote = ''
    for (; i < text.length; i++) {
      const c = text[i]
      if (quote) {
        if (c === '\\') i++
        else if (c === quote) quote = ''
      } else if (c === "'" || c === '"' || c === '`') quote = c
      else if (c === '{') depth++
      else if (c === '}') depth--
      else if (c === '>' && depth === 0) break
    }
    out.push({ at: m.index, attrs: text.slice(m.index + m[0].length, i) })
  }
  return out
}

/** Clickable Views without a role in one .tsx file. */
export function unlabelledClicksIn(file: string, text: string): AriaViolation[] {
  if (!file.endsWith('.tsx')) return []
  return viewOpenings(text)
    .filter((v) => /\sonClick=/.test(v.attrs) && !/\srole=/.test(v.attrs))
    .map((v) => ({ file, line: text.slice(0, v.at).split('\n').length }))
}

export function checkAria(root: string): AriaViolation[] {
  const files = filesUnder(root, 'src')
  return files.flatMap((f) => unlabelledClicksIn(f, fs.readFileSync(path.join(root, f), 'utf8')))
}

/** `$name: value;` pairs of tokens.scss. */
export function scssTokens(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^\$([\w-]+):\s*([^;]+);/gm)].map((m) => [m[1], m[2].trim()]))
}

if (require.main === module) {
  const found = checkStyles(path.join(__dirname, '..'))
  for (const v of found) console.error(`${v.file}:${v.line} colour literal ${v.literal}: use a token from src/shared/ui/tokens`)
  const clicks = checkAria(path.join(__dirname, '..'))
  for (const v of clicks) console.error(`${v.file}:${v.line} clickable View without a role: add role='button'`)
  if (found.length || clicks.length) {
    if (found.length) console.error(`style tokens: ${found.length} literal(s)`)
    if (clicks.length) console.error(`aria: ${clicks.length} clickable View(s) without a role`)
    process.exit(1)
  }
  console.log('style tokens: ok; aria: ok')
}
