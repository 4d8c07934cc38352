/**
 * `npm test` step: the production weapp build (dist/weapp) through WeChat's own compiler and DevTools' code-quality
 * check, offline. Fails on a compile error or any failed check. Usage: tsx scripts/weapp-compile-check.ts [dir]
 */
import * as fs from 'fs'
import * as path from 'path'
import { compileAndCheck } from './weapp/compile-check'

async function main(): Promise<number> {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist', 'weapp'))
  if (!fs.existsSync(path.join(dir, 'app.json'))) {
    console.error(`no weapp build in ${dir}: run NODE_ENV=production npm run build:weapp first`)
    return 1
  }
  const result = await compileAndCheck(dir)
  console.log(`\nWeChat compiler: ${result.compiledFiles} files compiled in ${(result.elapsedMs / 1000).toFixed(1)} s`)
  for (const c of result.checks) console.log(`${c.success ? 'pass' : 'FAIL'}  ${c.name}  ${c.success ? '' : c.text}`)
  for (const note of result.notes) console.log(`note  ${note}`)
  if (result.failed.length > 0) {
    console.error(`\n${result.failed.length} code-quality check(s) failed: ${result.failed.map((c) => c.name).join(', ')}`)
    return 1
  }
  return 0
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('WeChat compiler failed:', err instanceof Error ? err.message : err)
    process.exit(1)
  },
)
