/**
 * The @vant/weapp components the app actually uses. Only these (and the
 * components they depend on) are copied into the weapp build, so the main
 * package pays only for what it renders.
 */
import * as fs from 'fs'
import * as path from 'path'

export const VANT_COMPONENTS = ['button', 'cell', 'empty'] as const

const VANT_LIB = path.join(__dirname, '..', 'node_modules', '@vant', 'weapp', 'lib')
/** Folders vant components import at run time (js helpers and wxs). */
const VANT_SUPPORT = ['common', 'mixins', 'wxs']
/** Where the copies land inside the weapp output. */
export const VANT_OUTPUT_DIR = 'vant'

/** Follows each component's usingComponents to include its dependencies. */
export function vantClosure(names: readonly string[]): string[] {
  const seen = new Set<string>()
  const visit = (name: string): void => {
    if (seen.has(name)) return
    seen.add(name)
    const json = JSON.parse(fs.readFileSync(path.join(VANT_LIB, name, 'index.json'), 'utf8')) as {
      usingComponents?: Record<string, string>
    }
    for (const dep of Object.values(json.usingComponents ?? {})) {
      visit(path.basename(path.dirname(dep)))
    }
  }
  names.forEach(visit)
  return [...seen].sort()
}

export function vantCopyPatterns(outputRoot = path.join('dist', 'weapp')): { from: string; to: string; ignore: string[] }[] {
  return [...VANT_SUPPORT, ...vantClosure(VANT_COMPONENTS)].map((dir) => ({
    from: path.join('node_modules', '@vant', 'weapp', 'lib', dir),
    to: path.join(outputRoot, VANT_OUTPUT_DIR, dir),
    ignore: ['**/*.d.ts'],
  }))
}

/** `usingComponents` entries for app.config: `van-button` → `/vant/button/index`. */
export function vantUsingComponents(): Record<string, string> {
  return Object.fromEntries(VANT_COMPONENTS.map((name) => [`van-${name}`, `/${VANT_OUTPUT_DIR}/${name}/index`]))
}
