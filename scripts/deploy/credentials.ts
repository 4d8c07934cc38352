/** Deploy credentials from the environment or .env.local (names in .env.example; never committed with values). */
import * as fs from 'fs'
import * as path from 'path'
import { missingReleaseVariables } from '../../config/release-guard'

export interface CloudCredentials {
  envId: string
  secretId: string
  secretKey: string
  appId: string
  uploadKeyPath: string
}

export const CREDENTIAL_NAMES = [
  'TARO_APP_CLOUD_ENV',
  'TENCENTCLOUD_SECRET_ID',
  'TENCENTCLOUD_SECRET_KEY',
  'TARO_APP_ID',
  'MINIPROGRAM_UPLOAD_KEY_PATH',
] as const

/** The values .env.example ships with: a copy left unedited is not a credential. */
const EXAMPLE_PLACEHOLDERS = new Set(['wx0000000000000000', 'your-cloud-env-id', 'your-secret-id', 'your-secret-key'])

/** KEY=value lines; `#` comments and surrounding quotes allowed. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line)
    if (!m || line.trim().startsWith('#')) continue
    out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2')
  }
  return out
}

function localEnv(root: string): Record<string, string> {
  const file = path.join(root, '.env.local')
  return fs.existsSync(file) ? parseEnvFile(fs.readFileSync(file, 'utf8')) : {}
}

/**
 * Ids the function bundles bake in (subscribe templates) and the weapp needs: deploying placeholders would make every
 * subscribe message fail, so a real deploy refuses while any is missing (config/release-guard.ts).
 */
export function missingDeployIds(root: string, env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  return missingReleaseVariables({ ...localEnv(root), ...env })
}

/** The credentials when every one is set, else the names that are missing. */
export function readCredentials(
  root: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): CloudCredentials | { missing: string[] } {
  const local = localEnv(root)
  const get = (name: string) => {
    const value = env[name] || local[name] || ''
    return EXAMPLE_PLACEHOLDERS.has(value) ? '' : value
  }
  const missing = CREDENTIAL_NAMES.filter((n) => !get(n))
  if (missing.length > 0) return { missing }
  return {
    envId: get('TARO_APP_CLOUD_ENV'),
    secretId: get('TENCENTCLOUD_SECRET_ID'),
    secretKey: get('TENCENTCLOUD_SECRET_KEY'),
    appId: get('TARO_APP_ID'),
    uploadKeyPath: path.resolve(root, get('MINIPROGRAM_UPLOAD_KEY_PATH')),
  }
}
