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
 * The function env (config.json `envVariables`) each environment sets in `.env.local` (or .env, .env.production(.local),
 * the shell): the AI model the review drafts use (`group/model`, see cloudfunctions/src/shared/ai.ts) and their daily
 * token budget (services/review/drafts.ts). Unset ones are left out, so the functions use their defaults.
 */
export const FUNCTION_ENV: Readonly<Record<string, readonly string[]>> = { review: ['CAMP_AI_MODEL', 'CAMP_AI_DAILY_TOKENS'] }

export function buildTimeFunctionEnv(root = ROOT): Record<string, string> {
  const fromFiles = dotenvParse(root, ['CAMP_AI_'], 'production') as Record<string, string>
  const all: Record<string, string | undefined> = { ...fromFiles, ...process.env }
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[0].startsWith('CAMP_AI_') && !!e[1]))
}

/** The function's config.json with the env it takes from the build environment merged into `envVariables`. */
export function configWithEnv(name: string, config: Record<string, unknown>, env: Record<string, string>): Record<string, unknown> {
  const own = (config.envVariables ?? {}) as Record<string, string>
  const picked = Object.fromEntries((FUNCTION_ENV[name] ?? []).filter((k) => env[k]).map((k) => [k, env[k]]))
  return Object.keys(picked).length ? { ...config, envVariables: { ...own, ...picked } } : config
}

/**
 * Functions that bundle a large library are minified with an external source map (`index.js.map`, no sources):
 * analytics carries exceljs (≈ 9.2 MB bundled with an inline map, 1.2 MB minified). The others keep the inline map.
 */
const MINIFIED = new Set(['analytics'])

export async function buildFunction(
  name: string,
  outRoot = FUNCTIONS_BUILD,
  templateIds = buildTimeTemplateIds(),
  functionEnv = buildTimeFunctionEnv(),
): Promise<void> {
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
  const config = JSON.parse(fs.readFileSync(path.join(FUNCTIONS_SRC, name, 'config.json'), 'utf8')) as Record<string, unknown>
  fs.writeFileSync(path.join(outDir, 'config.json'), JSON.stringify(configWithEnv(name, config, functionEnv), null, 2) + '\n')
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
  const functionEnv = buildTimeFunctionEnv()
  await Promise.all(names.map((n) => buildFunction(n, outRoot, templateIds, functionEnv)))
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
