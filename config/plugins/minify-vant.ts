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

export default (ctx: IPluginContext) => {
  ctx.onBuildFinish(() => {
    if (process.env.NODE_ENV !== 'production' || process.env.TARO_ENV !== 'weapp') return
    const dir = path.join(ctx.paths.outputPath, VANT_OUTPUT_DIR)
    if (fs.existsSync(dir)) minifyVantDir(dir)
  })
}
