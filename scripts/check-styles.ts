/**
 * Design-token rule: colour literals (#rgb, #rrggbb…) live only in src/shared/ui/tokens (tokens.scss for styles,
 * index.ts for TypeScript) and in src/app.config.ts (WeChat's app.json takes literal colours). Everything else
 * uses the tokens, so one palette change reaches every page.
 *
 * Accessibility rule: a `<View>` with an `onClick` is a button to a screen reader only when it says so, so every
 * clickable View carries a `role` (`role='button'`; add an `aria-label` where its text does not say what it does).
 * A clickable View or Image whose content is only an icon, an image or a symbol (×, ▶) has no words to read out, so
 * it carries an `aria-label` in Chinese.
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

/** The index of the `>` that ends the tag opened at `from` (braces and strings skipped). */
function tagEnd(text: string, from: number): number {
  let depth = 0
  let quote = ''
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = ''
    } else if (c === "'" || c === '"' || c === '`') quote = c
    else if (c === '{') depth++
    else if (c === '}') depth--
    else if (c === '>' && depth === 0) return i
  }
  return text.length
}

interface Opening {
  at: number
  attrs: string
  /** What the tag wraps ('' when it closes itself). */
  children: string
}

/** Each `<Tag …>` opening of one tag name, with its attribute text and (for View) the text up to its `</View>`. */
function openings(text: string, tag: 'View' | 'Image'): Opening[] {
  const out: Opening[] = []
  for (const m of text.matchAll(new RegExp(`<${tag}\\b`, 'g'))) {
    const end = tagEnd(text, m.index)
    const attrs = text.slice(m.index + m[0].length, end)
    let children = ''
    if (!attrs.trimEnd().endsWith('/')) {
      let depth = 1
      const inner = /<View\b|<\/View>/g
      inner.lastIndex = end + 1
      for (let n = inner.exec(text); n; n = inner.exec(text)) {
        if (n[0] === '</View>') depth--
        else if (!text.slice(n.index, tagEnd(text, n.index)).trimEnd().endsWith('/')) depth++
        if (depth === 0) {
          children = text.slice(end + 1, n.index)
          break
        }
      }
    }
    out.push({ at: m.index, attrs, children })
  }
  return out
}

/** Words a screen reader can read among the children: tag markup dropped, a bare symbol (×, ▶, ›) is not one. */
function hasText(children: string): boolean {
  let rest = ''
  for (let i = 0; i < children.length; i++) {
    if (children[i] === '<' && /[A-Za-z/>]/.test(children[i + 1] ?? '')) i = tagEnd(children, i)
    else rest += children[i]
  }
  return /[\u4e00-\u9fffA-Za-z0-9]/.test(rest.replace(/\bnull\b/g, ''))
}

const CLICK = /\s(onClick|onTap)=/
const line = (text: string, at: number) => text.slice(0, at).split('\n').length

/** Clickable Views without a role in one .tsx file. */
export function unlabelledClicksIn(file: string, text: string): AriaViolation[] {
  if (!file.endsWith('.tsx')) return []
  return openings(text, 'View')
    .filter((v) => /\sonClick=/.test(v.attrs) && !/\srole=/.test(v.attrs))
    .map((v) => ({ file, line: line(text, v.at) }))
}

/** Clickable Views and Images that show only an icon, an image or a symbol and carry no aria-label to say what they do. */
export function iconOnlyClicksIn(file: string, text: string): AriaViolation[] {
  if (!file.endsWith('.tsx')) return []
  return [...openings(text, 'View'), ...openings(text, 'Image')]
    .filter((v) => CLICK.test(v.attrs) && !/\saria-label=/.test(v.attrs) && !hasText(v.children))
    .map((v) => ({ file, line: line(text, v.at) }))
    .sort((a, b) => a.line - b.line)
}

export function checkAria(root: string): AriaViolation[] {
  const files = filesUnder(root, 'src')
  return files.flatMap((f) => unlabelledClicksIn(f, fs.readFileSync(path.join(root, f), 'utf8')))
}

export function checkIconLabels(root: string): AriaViolation[] {
  const files = filesUnder(root, 'src')
  return files.flatMap((f) => iconOnlyClicksIn(f, fs.readFileSync(path.join(root, f), 'utf8')))
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
  const icons = checkIconLabels(path.join(__dirname, '..'))
  for (const v of icons) console.error(`${v.file}:${v.line} clickable icon / image without text: add an aria-label in Chinese`)
  if (found.length || clicks.length || icons.length) {
    if (found.length) console.error(`style tokens: ${found.length} literal(s)`)
    if (clicks.length) console.error(`aria: ${clicks.length} clickable View(s) without a role`)
    if (icons.length) console.error(`aria: ${icons.length} clickable icon(s) without an aria-label`)
    process.exit(1)
  }
  console.log('style tokens: ok; aria: ok')
}
