/**
 * Taro plugin: minifies the @vant/weapp files copied into a production weapp
 * build. vant's lib is shipped unminified (≈ 2× the size), and the copy step
 * does not pass through webpack, so the main package would pay for whitespace.
 */
import * as fs from 'fs'
import * as path from 'path'
import { transformSync } from 'esbuild'
import type { IPluginContext } from '@tarojs/service'
import { VANT_OUTPUT_DIR } from '../vant'

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

export function minifyVantDir(dir: string): { before: number; after: number } {
  let before = 0
  let after = 0
  for (const file of walk(dir)) {
    const text = fs.readFileSync(file, 'utf8')
    before += Buffer.byteLength(text)
    let out = text
    if (file.endsWith('.js')) out = transformSync(text, { loader: 'js', minify: true, target: 'es2015' }).code
    else if (file.endsWith('.wxss')) out = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, '')
    fs.writeFileSync(file, out)
    after += Buffer.byteLength(out)
  }
  return { before, after }
}

/** Every word-like token (`arrow-left`, `photo-o`) in the given texts: an over-approximation of the icon names used. */
export function tokensOf(texts: Iterable<string>): Set<string> {
  const out = new Set<string>()
  for (const text of texts) for (const m of text.matchAll(/[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g)) out.add(m[0])
  return out
}

/**
 * Drops the glyph rules (`.van-icon-NAME:before{content:…}`) of icons no file mentions: vant's icon stylesheet lists
 * all ~250 glyphs, the pages use a handful. `used` is over-approximated (any token in our sources and in the copied
 * vant files, plus the arrow directions van-cell builds at run time), so a kept rule too many costs bytes, never a glyph.
 */
export function pruneIconGlyphs(css: string, used: ReadonlySet<string>): string {
  return css.replace(/\.van-icon-([a-z0-9-]+):before\{content:"[^"]*"\}/g, (rule, name: string) => (used.has(name) ? rule : ''))
}

const ARROWS = ['arrow', 'arrow-left', 'arrow-up', 'arrow-down']

function sourceTexts(root: string): string[] {
  return walk(root)
    .filter((f) => /\.(ts|tsx|wxml|js)$/.test(f))
    .map((f) => fs.readFileSync(f, 'utf8'))
}

export default (ctx: IPluginContext) => {
  ctx.onBuildFinish(() => {
    if (process.env.NODE_ENV !== 'production' || process.env.TARO_ENV !== 'weapp') return
    const dir = path.join(ctx.paths.outputPath, VANT_OUTPUT_DIR)
    if (!fs.existsSync(dir)) return
    minifyVantDir(dir)
    const iconCss = path.join(dir, 'icon', 'index.wxss')
    if (!fs.existsSync(iconCss)) return
    const used = tokensOf([...sourceTexts(ctx.paths.sourcePath), ...sourceTexts(dir), ARROWS.join(' ')])
    fs.writeFileSync(iconCss, pruneIconGlyphs(fs.readFileSync(iconCss, 'utf8'), used))
  })
}
