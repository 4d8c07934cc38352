/**
 * Bundles each cloudfunctions/src/functions/<name>/index.ts into
 * cloudfunctions/build/<name>/ with its config.json and a package.json that
 * pins wx-server-sdk (kept external: CloudBase installs it on deploy).
 */
import * as fs from 'fs'
import * as path from 'path'
import { build } from 'esbuild'
import { dotenvParse } from '@tarojs/helper'
import { subscribeTemplateIds, type SubscribeTemplateIds } from '../config/subscribe-templates'

const ROOT = path.join(__dirname, '..')
export const FUNCTIONS_SRC = path.join(ROOT, 'cloudfunctions', 'src', 'functions')
export const FUNCTIONS_BUILD = path.join(ROOT, 'cloudfunctions', 'build')

export function functionNames(): string[] {
  return fs
    .readdirSync(FUNCTIONS_SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(FUNCTIONS_SRC, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()
}

function sdkVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
  return pkg.devDependencies['wx-server-sdk']
}

/**
 * The subscribe-message template ids the bundles bake in: the same TARO_APP_TPL_* variables (from .env, .env.local,
 * .env.production(.local) or the shell) that the mini program build reads, so both sides always agree.
 */
export function buildTimeTemplateIds(root = ROOT): SubscribeTemplateIds {
  const fromFiles = dotenvParse(root, ['TARO_APP_TPL_'], 'production') as Record<string, string>
  return subscribeTemplateIds({ ...fromFiles, ...process.env })
}

/**
 * Functions that bundle a large library are minified with an external source map (`index.js.map`, no sources):
 * analytics carries exceljs (≈ 9.2 MB bundled with an inline map, 1.2 MB minified). The others keep the inline map.
 */
const MINIFIED = new Set(['analytics'])

export async function buildFunction(name: string, outRoot = FUNCTIONS_BUILD, templateIds = buildTimeTemplateIds()): Promise<void> {
  const outDir = path.join(outRoot, name)
  fs.mkdirSync(outDir, { recursive: true })
  await build({
    entryPoints: [path.join(FUNCTIONS_SRC, name, 'index.ts')],
    outfile: path.join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    ...(MINIFIED.has(name) ? { minify: true, keepNames: true, sourcemap: 'linked', sourcesContent: false } : { sourcemap: 'inline' }),
    define: { __SUBSCRIBE_TEMPLATE_IDS__: JSON.stringify(templateIds) },
    logLevel: 'error',
  })
  const config = path.join(FUNCTIONS_SRC, name, 'config.json')
  fs.copyFileSync(config, path.join(outDir, 'config.json'))
  const pkg = {
    name,
    version: '1.0.0',
    private: true,
    main: 'index.js',
    dependencies: { 'wx-server-sdk': sdkVersion() },
  }
  fs.writeFileSync(path.join(outDir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
}

export async function buildAllFunctions(outRoot = FUNCTIONS_BUILD): Promise<string[]> {
  const names = functionNames()
  for (const dir of fs.existsSync(outRoot) ? fs.readdirSync(outRoot) : []) {
    if (!names.includes(dir)) fs.rmSync(path.join(outRoot, dir), { recursive: true, force: true })
  }
  const templateIds = buildTimeTemplateIds()
  await Promise.all(names.map((n) => buildFunction(n, outRoot, templateIds)))
  return names
}

if (require.main === module) {
  buildAllFunctions()
    .then((names) => console.log(`built ${names.length} function(s): ${names.join(', ')}`))
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
