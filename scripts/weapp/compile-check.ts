/**
 * WeChat's own compiler and code-quality check, offline. miniprogram-ci is extracted from WeChat DevTools; what it
 * needs from WeChat's servers for a local compile are only the project attributes, which DefaultProjectAttr
 * replaces (../shared/docs/platform-facts.md, "Checked in December 2026"). The signing key is never used offline,
 * so a throwaway RSA key made here is enough. Every request it still tries (the upload whitelist of file
 * extensions) goes to a closed local port, so nothing leaves the machine and nothing waits on DNS.
 */
import * as crypto from 'crypto'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'

/** One entry of `ci.checkCodeQuality` (DevTools 代码质量): package sizes, compression, lazy loading, unused files … */
export interface QualityCheck {
  name: string
  success: boolean
  text: string
  detail?: unknown
}

export interface CompileCheckResult {
  /** Files in the compiled package (what an upload would send). */
  compiledFiles: number
  checks: QualityCheck[]
  failed: QualityCheck[]
  /** Passed checks that still list files (e.g. unused files, which upload leaves out). */
  notes: string[]
  elapsedMs: number
}

/** A port nothing listens on: requests fail at once instead of reaching the network. */
const OFFLINE_PROXY = 'http://127.0.0.1:9'

export function failedChecks(checks: readonly QualityCheck[]): QualityCheck[] {
  return checks.filter((c) => !c.success)
}

export function notesOf(checks: readonly QualityCheck[]): string[] {
  return checks
    .filter((c) => c.success && Array.isArray(c.detail) && c.detail.length > 0)
    .map((c) => `${c.name}: ${(c.detail as unknown[]).map(String).join(', ')}`)
}

function throwawayKey(dir: string): string {
  const { privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  const file = path.join(dir, 'private.key')
  fs.writeFileSync(file, privateKey, { mode: 0o600 })
  return file
}

/** Compiles the weapp directory with its own project.config.json settings, then runs the code-quality check. */
export async function compileAndCheck(projectPath: string): Promise<CompileCheckResult> {
  // Loaded lazily: the package is large and only this step needs it.
  const ci = require('miniprogram-ci') as typeof import('miniprogram-ci')
  const { DefaultProjectAttr } = require('miniprogram-ci/dist/config/config') as { DefaultProjectAttr: unknown }
  const config = JSON.parse(fs.readFileSync(path.join(projectPath, 'project.config.json'), 'utf8')) as { appid?: string }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-compile-check-'))
  const started = Date.now()
  try {
    ci.proxy(OFFLINE_PROXY)
    const project = new ci.Project({
      appid: config.appid || 'touristappid',
      type: 'miniProgram',
      projectPath,
      privateKeyPath: throwawayKey(work),
      ignores: [],
    })
    // Otherwise the project asks WeChat's servers for its attributes.
    ;(project as unknown as { _attr: unknown })._attr = DefaultProjectAttr
    const compiled = await ci.getCompiledResult(
      { project, version: '0.0.0', setting: { useProjectConfig: true } },
      path.join(work, 'compiled.zip'),
    )
    const checks = (await ci.checkCodeQuality(project)) as QualityCheck[]
    return {
      compiledFiles: Object.keys(compiled).length,
      checks,
      failed: failedChecks(checks),
      notes: notesOf(checks),
      elapsedMs: Date.now() - started,
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}
