/**
 * What the functions directory holds: one folder per function with `index.js`
 * (exporting `main`) and an optional `config.json`, laid out as DevTools uploads
 * them. Configs are re-read when their mtime changes so edits apply without a restart.
 */
import * as fs from 'fs'
import * as path from 'path'
import { z } from 'zod'

/** Where scripts/build-functions.ts writes the bundles DevTools uploads. */
export const DEFAULT_FUNCTIONS_DIR = path.join(__dirname, '..', '..', 'cloudfunctions', 'build')

/** CloudBase's default when config.json gives no timeout. */
export const DEFAULT_TIMEOUT_SEC = 3

const triggerSchema = z.object({ name: z.string().min(1), type: z.string(), config: z.string() })

const configSchema = z.object({
  timeout: z.number().positive().optional(),
  envVariables: z.record(z.string()).optional(),
  permissions: z.object({ openapi: z.array(z.string()).optional() }).optional(),
  triggers: z.array(triggerSchema).optional(),
})

export interface TimerTriggerConfig {
  name: string
  config: string
}

export interface FunctionDefinition {
  name: string
  dir: string
  entry: string
  /** mtime of index.js: a new value means a new bundle, so warm workers are stale. */
  version: number
  timeoutSec: number
  openapi: string[]
  /** At most one: WeChat creates only the first entry of `triggers` (config.json docs: "目前仅支持一个触发器"). */
  triggers: TimerTriggerConfig[]
  /** Names of the entries after the first, which production never creates; the timer runner warns about them. */
  ignoredTriggers: string[]
  envVariables: Record<string, string>
}

interface CacheEntry {
  stamp: string
  def: FunctionDefinition
}

export class FunctionCatalog {
  private readonly cache = new Map<string, CacheEntry>()

  constructor(readonly dir: string) {}

  names(): string[] {
    if (!fs.existsSync(this.dir)) return []
    return fs
      .readdirSync(this.dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(this.dir, d.name, 'index.js')))
      .map((d) => d.name)
      .sort()
  }

  /** The function's current definition, or undefined when no `<name>/index.js` exists. */
  get(name: string): FunctionDefinition | undefined {
    if (!isSafeName(name)) return undefined
    const dir = path.join(this.dir, name)
    const entry = path.join(dir, 'index.js')
    const configPath = path.join(dir, 'config.json')
    const entryStat = statOrUndefined(entry)
    if (!entryStat?.isFile()) return undefined
    const configStat = statOrUndefined(configPath)
    const stamp = `${entryStat.mtimeMs}:${configStat?.mtimeMs ?? 0}`
    const cached = this.cache.get(name)
    if (cached && cached.stamp === stamp) return cached.def
    const config = configStat ? readConfig(configPath) : {}
    const [first, ...ignored] = config.triggers ?? []
    const def: FunctionDefinition = {
      name,
      dir,
      entry,
      version: entryStat.mtimeMs,
      timeoutSec: config.timeout ?? DEFAULT_TIMEOUT_SEC,
      openapi: config.permissions?.openapi ?? [],
      triggers: first?.type === 'timer' ? [{ name: first.name, config: first.config }] : [],
      ignoredTriggers: ignored.map((t) => t.name),
      envVariables: config.envVariables ?? {},
    }
    this.cache.set(name, { stamp, def })
    return def
  }

  all(): FunctionDefinition[] {
    return this.names()
      .map((n) => this.get(n))
      .filter((d): d is FunctionDefinition => d !== undefined)
  }

  forget(): void {
    this.cache.clear()
  }
}

/** Function names come from the network (callFunction): never let one walk out of the directory. */
function isSafeName(name: string): boolean {
  return /^[A-Za-z0-9_-]{1,60}$/.test(name)
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p)
  } catch {
    return undefined
  }
}

function readConfig(file: string): z.infer<typeof configSchema> {
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (err) {
    throw new Error(`${file} is not valid JSON: ${(err as Error).message}`)
  }
  const parsed = configSchema.safeParse(raw)
  if (!parsed.success) throw new Error(`${file} is not a valid function config: ${parsed.error.message}`)
  return parsed.data
}
