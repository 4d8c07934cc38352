/**
 * What a CloudBase environment should look like, read from the code: the collection manifest, each function's
 * config.json and bundle, and the rules files in config/rules/.
 */
import { createHash } from 'crypto'
import * as fs from 'fs'
import * as path from 'path'
import { COLLECTIONS, type IndexSpec } from '../../cloudfunctions/src/schema/collections'

export type Permission = 'READONLY' | 'PRIVATE' | 'ADMINWRITE' | 'ADMINONLY' | 'CUSTOM'

export interface StorageRule {
  acl: Permission
  rule?: { read: string; write: string }
}

export interface TriggerSpec {
  name: string
  type: string
  config: string
}

export interface FunctionSpec {
  name: string
  /** sha256 of the bundle folder, recorded on the function so a later run can tell whether code changed. */
  codeSha: string
  timeoutSec: number
  triggers: TriggerSpec[]
  /** As CloudBase reports it (`Nodejs16.13`); only read from an environment, never set (it is fixed at creation). */
  runtime?: string
  /** config.json `envVariables` (e.g. CAMP_AI_MODEL from .env.local): set with the function's config on deploy. */
  envVariables?: Record<string, string>
}

export interface EnvState {
  collections: { name: string; indexes: IndexSpec[] }[]
  /** Database permission per collection name. */
  permissions: Record<string, Permission | undefined>
  storage?: StorageRule
  functions: FunctionSpec[]
}

/** The runtime the bundles are built for (esbuild target node16); CloudBase's default is older. */
export const FUNCTION_RUNTIME = 'Nodejs16.13'

const ROOT = path.join(__dirname, '..', '..')
export const FUNCTIONS_BUILD_DIR = path.join(ROOT, 'cloudfunctions', 'build')
const RULES_DIR = path.join(ROOT, 'config', 'rules')

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T
}

export function hashDir(dir: string): string {
  const hash = createHash('sha256')
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const child = path.posix.join(rel, entry.name)
      if (entry.isDirectory()) walk(child)
      else
        hash
          .update(child)
          .update('\0')
          .update(fs.readFileSync(path.join(dir, child)))
          .update('\0')
    }
  }
  walk('')
  return hash.digest('hex').slice(0, 16)
}

/** Functions as built in cloudfunctions/build (run `npm run build:functions` first). */
export function desiredFunctions(buildDir = FUNCTIONS_BUILD_DIR): FunctionSpec[] {
  if (!fs.existsSync(buildDir)) return []
  return fs
    .readdirSync(buildDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(buildDir, d.name, 'index.js')))
    .map((d) => {
      const dir = path.join(buildDir, d.name)
      const configFile = path.join(dir, 'config.json')
      const config = fs.existsSync(configFile)
        ? readJson<{ timeout?: number; triggers?: TriggerSpec[]; envVariables?: Record<string, string> }>(configFile)
        : {}
      const env = config.envVariables && Object.keys(config.envVariables).length ? { envVariables: config.envVariables } : {}
      return { name: d.name, codeSha: hashDir(dir), timeoutSec: config.timeout ?? 3, triggers: config.triggers ?? [], ...env }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

export function desiredState(buildDir = FUNCTIONS_BUILD_DIR): EnvState {
  const db = readJson<{ permission: Permission }>(path.join(RULES_DIR, 'database.json'))
  const storage = readJson<StorageRule & { comment?: string }>(path.join(RULES_DIR, 'storage.json'))
  return {
    collections: COLLECTIONS.map((c) => ({ name: c.name, indexes: c.indexes })),
    permissions: Object.fromEntries(COLLECTIONS.map((c) => [c.name, db.permission])),
    storage: { acl: storage.acl, rule: storage.rule },
    functions: desiredFunctions(buildDir),
  }
}

export const EMPTY_ENV: EnvState = { collections: [], permissions: {}, functions: [] }
